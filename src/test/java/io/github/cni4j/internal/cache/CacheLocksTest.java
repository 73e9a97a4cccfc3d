package io.github.cni4j.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLocksTest {

    @TempDir
    Path tmp;

    /** A second JVM holds the network's lock file until its stdin closes. */
    private Process holdInAnotherJvm(Path lockFile) throws Exception {
        Path src = tmp.resolve("LockHolder.java");
        Files.writeString(src, "import java.nio.channels.FileChannel; import java.nio.file.*;\n"
                + "public class LockHolder { public static void main(String[] a) throws Exception {\n"
                + "  Files.createDirectories(Path.of(a[0]).getParent());\n"
                + "  try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,"
                + " StandardOpenOption.WRITE); var l = ch.lock()) {\n"
                + "    System.out.println(\"locked\"); System.out.flush(); System.in.readAllBytes(); } } }\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, src.toString(), lockFile.toString()).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("locked");
        return p;
    }

    @Test
    void networkLockWaitsForAnotherProcess() throws Exception {
        Process holder = holdInAnotherJvm(tmp.resolve("cache/locks/net1.lock"));
        try {
            CompletableFuture<Void> op = CompletableFuture.runAsync(() -> {
                try (KeyedLocks.Held h = CacheLocks.attachment(tmp.resolve("cache"), "net1", "c1", "eth0")) {
                    assertThat(h).isNotNull();
                }
            });
            Thread.sleep(500);
            assertThat(op).isNotDone();
            holder.getOutputStream().close();
            op.get(30, TimeUnit.SECONDS);
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void sharedUsersInOneJvmDoNotConflictAndOddNamesUseADigest() {
        try (KeyedLocks.Held a = CacheLocks.attachment(tmp, "net1", "c1", "eth0");
             KeyedLocks.Held b = CacheLocks.attachment(tmp, "net1", "c2", "eth0")) {
            assertThat(tmp.resolve("locks/net1.lock")).exists();
        }
        try (KeyedLocks.Held gc = CacheLocks.network(tmp, "net1", true)) {
            assertThat(gc).isNotNull();
        }
        assertThat(CacheLocks.fileName("../../etc/passwd")).startsWith("sha256-").doesNotContain("/");
        assertThat(CacheLocks.fileName("net1")).isEqualTo("net1.lock");
    }

    @Test
    void unusableLockDirectoryDoesNotBlockOperations() throws Exception {
        Files.writeString(tmp.resolve("locks"), "not a directory");
        try (KeyedLocks.Held h = CacheLocks.attachment(tmp, "net1", "c1", "eth0")) {
            assertThat(h).isNotNull();
        }
    }
}
