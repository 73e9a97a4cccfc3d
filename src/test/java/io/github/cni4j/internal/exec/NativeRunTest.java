package io.github.cni4j.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Spawn;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native run against small shell "plugins" that misbehave on purpose. */
class NativeRunTest {

    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(20);
    private static final int MAX_OUT = 16 * 1024 * 1024;
    private static final int MAX_ERR = 64 * 1024;

    @TempDir
    Path dir;

    @BeforeAll
    static void nativeExecutorIsAvailableOnThisPlatform() {
        assertThat(Spawn.unavailable()).isEmpty();
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("CNI_COMMAND", "ADD");
        return env;
    }

    private static SpawnOutcome run(Path plugin, byte[] stdin) {
        return new NativeRun(plugin.toString(), stdin, env(), TIMEOUT, MAX_OUT, MAX_ERR).run();
    }

    @Test
    void reportsExitStatusAndOutput() throws IOException {
        SpawnOutcome o = run(script("p", "cat; echo oops >&2; exit 3"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(o.spawnErrno()).isZero();
        assertThat(o.exitStatus()).isEqualTo(3);
        assertThat(o.signal()).isZero();
        assertThat(o.timedOut()).isFalse();
        assertThat(new String(o.stdout(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(o.stderrTail(), StandardCharsets.UTF_8)).isEqualTo("oops\n");
    }

    @Test
    void reportsTheTerminatingSignal() throws IOException {
        SpawnOutcome o = run(script("p", "kill -TERM $$"), new byte[0]);
        assertThat(o.signal()).isEqualTo(15);
        assertThat(o.exitStatus()).isEqualTo(-1);
        assertThat(o.timedOut()).isFalse();
    }

    @Test
    void passesExactlyTheGivenEnvironment() throws IOException {
        Map<String, String> env = Map.of("CNI_COMMAND", "DEL", "X_UNICODE", "grüß \uD83D\uDE00", "EMPTY", "");
        SpawnOutcome o = new NativeRun("/usr/bin/env", new byte[0], env, TIMEOUT, MAX_OUT, MAX_ERR).run();
        String[] lines = new String(o.stdout(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).containsExactlyInAnyOrder("CNI_COMMAND=DEL", "X_UNICODE=grüß \uD83D\uDE00", "EMPTY=");
    }

    @Test
    void roundTripsSeveralMegabytesWithoutDeadlock() {
        byte[] payload = new byte[6 * 1024 * 1024 + 123];
        new Random(42).nextBytes(payload);
        SpawnOutcome o = new NativeRun("/bin/cat", payload, env(), TIMEOUT, MAX_OUT, MAX_ERR).run();
        assertThat(o.exitStatus()).isZero();
        assertThat(o.stdout()).isEqualTo(payload);
    }

    @Test
    void pluginThatIgnoresStdinDoesNotBlockTheWriter() throws IOException {
        SpawnOutcome o = run(script("p", "echo done"), new byte[4 * 1024 * 1024]);
        assertThat(o.exitStatus()).isZero();
        assertThat(o.timedOut()).isFalse();
        assertThat(new String(o.stdout(), StandardCharsets.UTF_8)).isEqualTo("done\n");
    }

    @Test
    void keepsOnlyTheTailOfStderr() throws IOException {
        SpawnOutcome o = run(script("p", "head -c 300000 /dev/zero | tr '\\0' a >&2; echo END >&2"), new byte[0]);
        assertThat(o.exitStatus()).isZero();
        assertThat(o.stderrTail()).hasSize(MAX_ERR);
        String tail = new String(o.stderrTail(), StandardCharsets.US_ASCII);
        assertThat(tail.endsWith("aaaEND\n") && tail.replace("a", "").equals("END\n")).as("tail").isTrue();
    }

    @Test
    void stdoutOverItsBoundIsFlaggedWhileThePluginRunsToItsEnd() throws IOException {
        Path p = script("p", "head -c 3000000 /dev/zero; echo done >&2");
        SpawnOutcome o = new NativeRun(p.toString(), new byte[0], env(), TIMEOUT, 1024 * 1024, MAX_ERR).run();
        assertThat(o.stdoutOverflow()).isTrue();
        assertThat(o.stdout()).hasSize(1024 * 1024);
        assertThat(o.exitStatus()).isZero();
        assertThat(new String(o.stderrTail(), StandardCharsets.US_ASCII)).isEqualTo("done\n");
    }

    @Test
    void pluginThatNeverStopsWritingRunsIntoTheDeadline() throws IOException {
        // Past the bound in one write first, so the overflow never races the deadline on a loaded machine (a loop
        // of small writes forks per 64 KiB and once missed 1 MiB in 500 ms at load 9); then it writes forever.
        Path p = script("p", "head -c 2097152 /dev/zero; while :; do head -c 65536 /dev/zero; done");
        SpawnOutcome o = new NativeRun(p.toString(), new byte[0], env(), TimeUnit.SECONDS.toNanos(2),
                1024 * 1024, MAX_ERR).run();
        assertThat(o.stdoutOverflow()).isTrue();
        assertThat(o.stdout()).hasSize(1024 * 1024);
        assertThat(o.timedOut()).isTrue();
    }

    @Test
    void missingAndNonExecutableBinariesAreSpawnErrors() throws IOException {
        assertThat(run(dir.resolve("absent"), new byte[0]).spawnErrno()).isEqualTo(2);
        Path plain = Files.writeString(dir.resolve("plain"), "#!/bin/sh\n");
        assertThat(run(plain, new byte[0]).spawnErrno()).isEqualTo(13);
    }

    @Test
    void binaryOpenForWritingIsTextFileBusy() throws IOException {
        Path copy = dir.resolve("busy");
        Files.copy(Path.of("/bin/true"), copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        try (FileOutputStream writer = new FileOutputStream(copy.toFile(), true)) {
            assertThat(run(copy, new byte[0]).spawnErrno()).isEqualTo(Linux.ETXTBSY);
        }
        assertThat(run(copy, new byte[0]).exitStatus()).isZero();
    }

    @Test
    void childSeesOnlyStdinStdoutAndStderr() throws IOException {
        try (FileOutputStream unrelated = new FileOutputStream(dir.resolve("held").toFile())) {
            // ls itself holds one more fd, its directory handle (3).
            SpawnOutcome o = run(script("p", "exec /bin/ls /proc/self/fd"), new byte[0]);
            assertThat(new String(o.stdout(), StandardCharsets.US_ASCII).split("\n"))
                    .containsExactlyInAnyOrder("0", "1", "2", "3");
        }
    }

    @Test
    void thousandRunsLeakNoFileDescriptors() throws IOException {
        run(Path.of("/bin/true"), new byte[0]);
        long before = openFds();
        for (int i = 0; i < 1000; i++) {
            SpawnOutcome o = run(Path.of("/bin/true"), "x".getBytes(StandardCharsets.US_ASCII));
            assertThat(o.exitStatus()).isZero();
        }
        // A few fds of unrelated JVM threads may come and go; a leak would show as 1000 or more.
        assertThat(openFds()).isLessThan(before + 10);
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void neverReapsChildrenOfTheJdk() throws Exception {
        Process jdkChild = new ProcessBuilder("/bin/sh", "-c", "sleep 0.5; exit 7").start();
        for (int i = 0; i < 50; i++) {
            assertThat(run(Path.of("/bin/true"), new byte[0]).exitStatus()).isZero();
        }
        assertThat(jdkChild.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(jdkChild.exitValue()).isEqualTo(7);
    }

    @Test
    void timeoutKillsTheGroupIncludingAGrandchildHoldingStdout() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path p = script("p", "sleep 60 & echo $! > " + pidFile + "; wait");
        long start = System.nanoTime();
        SpawnOutcome o = new NativeRun(p.toString(), new byte[0], env(), TimeUnit.MILLISECONDS.toNanos(500),
                MAX_OUT, MAX_ERR).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(o.timedOut()).isTrue();
        assertThat(o.signal()).isEqualTo(Linux.SIGKILL);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertGone(Long.parseLong(Files.readString(pidFile).trim()));
    }

    @Test
    void pluginThatExitsButLeavesStdoutHeldTimesOutAndTheHolderIsKilled() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path p = script("p", "sleep 60 & echo $! > " + pidFile + "; exit 0");
        SpawnOutcome o = new NativeRun(p.toString(), new byte[0], env(), TimeUnit.MILLISECONDS.toNanos(500),
                MAX_OUT, MAX_ERR).run();
        assertThat(o.timedOut()).isTrue();
        assertThat(o.exitStatus()).isZero();
        assertGone(Long.parseLong(Files.readString(pidFile).trim()));
    }

    private static void assertGone(long pid) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until && isAliveNotZombie(pid)) {
            Thread.sleep(20);
        }
        assertThat(isAliveNotZombie(pid)).as("process %d still running", pid).isFalse();
    }

    private static boolean isAliveNotZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void interruptedCallerGetsTheGroupKilledAndKeepsItsInterruptFlag() throws Exception {
        Path p = script("p", "sleep 60");
        SpawnOutcome[] holder = new SpawnOutcome[1];
        boolean[] flag = new boolean[1];
        Thread t = new Thread(() -> {
            holder[0] = new NativeRun(p.toString(), new byte[0], env(), TIMEOUT, MAX_OUT, MAX_ERR).run();
            flag[0] = Thread.currentThread().isInterrupted();
        });
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(holder[0].timedOut()).isTrue();
        assertThat(holder[0].signal()).isEqualTo(Linux.SIGKILL);
        assertThat(flag[0]).isTrue();
    }
}
