package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.netns.NetNs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths handed in as "the container's netns" that are not network namespaces are refused by {@link NetNs#isNetNs}
 * and {@link NetNs#open} with a {@link NetNsException}, and refusing them leaks no file descriptor.
 */
class NetNsPathTest {

    @TempDir
    Path dir;

    @Test
    void pathsThatAreNotNetworkNamespacesAreRefused() throws IOException, InterruptedException {
        List<Path> bad = hostilePaths();
        refuseAll(bad);
        // Measured after one warm-up round: JNA and the JDK open a few descriptors once, on first use.
        long fdsBefore = openFds();
        int rounds = 20;
        for (int i = 1; i < rounds; i++) {
            refuseAll(bad);
        }
        assertThat(openFds()).as("fds after %d refusals", rounds * bad.size()).isEqualTo(fdsBefore);
        Figures.of("bad-input", "netns-paths")
                .scenario("netns paths that are not network namespaces: regular file, directory, /dev/null, FIFO, "
                        + "symlink (to a file, dangling, loop), missing, procfs files, mount/uts/pid/ipc namespaces")
                .count((long) rounds * bad.size() * 2, "isNetNs/open calls")
                .lost(0, "every call refused (false or NetNsException naming the path); open fds unchanged")
                .fact("distinct paths", bad.size())
                .fact("fd delta", openFds() - fdsBefore)
                .write();
    }

    private static void refuseAll(List<Path> bad) {
        for (Path p : bad) {
            assertThat(isNetNsOrRefused(p)).as("isNetNs(%s)", p).isFalse();
            assertThatThrownBy(() -> NetNs.open(p)).as("open(%s)", p).isInstanceOf(NetNsException.class)
                    .hasMessageContaining(p.toString());
        }
    }

    @Test
    void theOwnNetworkNamespaceIsAccepted() {
        Path own = Path.of("/proc/self/ns/net");
        assertThat(NetNs.isNetNs(own)).isTrue();
        try (NetNs ns = NetNs.open(own)) {
            assertThat(ns.path()).isEqualTo(own);
        }
    }

    private List<Path> hostilePaths() throws IOException, InterruptedException {
        List<Path> bad = new ArrayList<>();
        Path file = Files.writeString(dir.resolve("file"), "not a namespace");
        bad.add(file);
        bad.add(Files.createDirectory(dir.resolve("dir")));
        bad.add(Path.of("/dev/null"));
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        bad.add(fifo);
        bad.add(Files.createSymbolicLink(dir.resolve("link-to-file"), file));
        bad.add(Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere")));
        Files.createSymbolicLink(dir.resolve("loop-a"), dir.resolve("loop-b"));
        bad.add(Files.createSymbolicLink(dir.resolve("loop-b"), dir.resolve("loop-a")));
        bad.add(dir.resolve("missing"));
        bad.add(dir.resolve("file/below-a-file"));
        bad.add(Path.of("/proc/self/status"));
        bad.add(dir.resolve("x".repeat(300)));
        bad.add(Path.of("/" + "d/".repeat(3000) + "ns"));
        bad.add(Path.of("/proc/self"));
        Stream.of("mnt", "uts", "pid", "ipc").map(k -> Path.of("/proc/self/ns", k)).filter(Files::exists)
                .forEach(bad::add);
        return bad;
    }

    /** isNetNs may say false, or throw when the path cannot even be examined (ELOOP, EACCES): both refuse it. */
    private static boolean isNetNsOrRefused(Path p) {
        try {
            return NetNs.isNetNs(p);
        } catch (NetNsException e) {
            assertThat(e.getMessage()).contains(p.toString());
            return false;
        }
    }

    static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
