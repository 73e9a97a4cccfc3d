package io.github.cni4j.reliability;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.PluginException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that hang, flood, crash or lie: each ends in a typed {@link CniException} with a useful message within
 * the timeout, and a thousand such runs leave the JVM's heap and file descriptors where they were.
 */
class HostilePluginTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Slack on top of the timeout for the kill and the JVM; a hang would take 1000 s. */
    private static final long RETURN_BOUND_MS = TIMEOUT.toMillis() + 5_000;
    private static final List<String> QUICK = List.of("garbage", "silent-success", "signal", "closes-stdin",
            "invalid-error", "error-negative-code", "exit-silently", "stderr-only", "not-json-error", "bad-result",
            "unknown-version", "not-executable", "a-directory", "symlink-loop", "not-an-elf", "error-huge-code");

    @TempDir
    Path dir;
    private HostileInvoker invoker;

    @BeforeEach
    void plugins() {
        HostilePlugins.writeAll(dir);
        invoker = new HostileInvoker(dir, TIMEOUT);
    }

    @Test
    void aHangingPluginIsKilledAtTheTimeoutWithItsChildren() {
        long start = System.nanoTime();
        Throwable t = catchThrowable(() -> invoker.add("hang", 0));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(t).is(FailureKinds.PLUGIN_TIMEOUT).hasMessageContaining("hang");
        assertThat(elapsedMs).isBetween(TIMEOUT.toMillis() - 50, RETURN_BOUND_MS);
        assertDead(HostilePlugins.pid(dir, "hang"), "the plugin");
        assertDead(HostilePlugins.pid(dir, "hang-child"), "the plugin's child");
    }

    @Test
    void aChildHoldingStdoutOpenDoesNotHoldTheCallerOrOutliveTheRun() {
        long start = System.nanoTime();
        Throwable t = catchThrowable(() -> invoker.add("fork-keeps-stdout", 0));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMs).isLessThan(RETURN_BOUND_MS);
        if (t != null) {
            assertThat(t).isInstanceOf(CniException.class).hasMessageContaining("fork-keeps-stdout");
        }
        assertDead(HostilePlugins.pid(dir, "fork-keeps-stdout-child"), "the child holding stdout");
    }

    @Test
    void hundredMegabytesOfOutputAreRefusedWithBoundedMemory() {
        long allocatedBefore = allocatedBytes();
        Throwable t = catchThrowable(() -> invoker.add("huge-stdout", 0));
        long allocated = allocatedBytes() - allocatedBefore;
        assertThat(t).isInstanceOf(PluginException.class).hasMessageContaining("stdout").hasMessageContaining("limit");
        // 100 MiB went through the pipe; keeping it would allocate at least that much (more, with array growth).
        // What is allocated is the 16 MiB capture (grown by doubling, then copied), whatever the output size.
        assertThat(allocated).as("bytes allocated while reading 100 MiB of output").isLessThan(100L << 20);
        Figures.of("faults", "plugin-100mb-stdout")
                .scenario("plugin prints 100 MiB to stdout")
                .count(1, "run")
                .lost(0, "PluginException; output capture bounded")
                .fact("MiB allocated while reading", allocated >> 20)
                .write();
    }

    @Test
    void eachMisbehaviourGetsATypedExceptionWithAUsefulMessage() {
        assertFailure("garbage", CniException.class, "");
        assertFailure("silent-success", CniException.class, "");
        assertFailure("bad-result", CniException.class, "10.0.0.1");
        assertFailure("unknown-version", CniException.class, "9.9.9");
        PluginException signal = assertFailure("signal", PluginException.class, "signal: segmentation fault");
        assertThat(signal.signal()).contains(11);
        assertThat(assertFailure("closes-stdin", PluginException.class, "stdin closed unread").code()).isEqualTo(7);
        PluginException flood = assertFailure("stderr-flood", PluginException.class, "netplugin failed");
        assertThat(flood.stderrTail().length()).isLessThanOrEqualTo(64 * 1024);
        assertThat(assertFailure("huge-error", PluginException.class, "mmmm").code()).isEqualTo(7);
        for (String bad : List.of("invalid-error", "error-huge-code", "error-negative-code", "error-deep",
                "not-json-error")) {
            assertThat(assertFailure(bad, PluginException.class, "error parsing its diagnostic message").code())
                    .isZero();
        }
        assertFailure("exit-silently", PluginException.class, "netplugin failed with no error message: exit status 1");
        assertFailure("stderr-only", PluginException.class, "oops on stderr");
        assertFailure("not-executable", PluginException.class, "permission denied");
        // Go says "exec format error"; the JDK's spawn falls back to /bin/sh on ENOEXEC, which then fails.
        assertFailure("not-an-elf", PluginException.class, "not-an-elf");
        assertThat(assertFailure("a-directory", PluginException.class, "failed to find plugin \"a-directory\"").kind())
                .isEqualTo(PluginException.Kind.NOT_FOUND);
        assertThat(assertFailure("symlink-loop", PluginException.class, "failed to find plugin \"symlink-loop\"").kind())
                .isEqualTo(PluginException.Kind.NOT_FOUND);
        assertThat(assertFailure("no-such-plugin", PluginException.class, "failed to find plugin").kind())
                .isEqualTo(PluginException.Kind.NOT_FOUND);
    }

    @Test
    void aThousandHostileRunsLeaveHeapAndDescriptorsUnchanged() {
        int runs = Figures.intProperty("cni4j.reliability.hostileRuns", 1000);
        Map<String, Integer> byKind = new TreeMap<>();
        for (int i = 0; i < 2 * QUICK.size(); i++) {
            runQuick(i, byKind);
        }
        byKind.clear();
        long heapBefore = heapAfterGc();
        long fdsBefore = NetNsPathTest.openFds();
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < runs; i++) {
            runQuick(i, byKind);
        }
        long heapDelta = heapAfterGc() - heapBefore;
        long fdDelta = NetNsPathTest.openFds() - fdsBefore;
        assertThat(fdDelta).as("open file descriptors after %d runs", runs).isZero();
        assertThat(heapDelta).as("heap after GC, bytes").isLessThan(8L << 20);
        Figures.of("faults", "plugin-misbehaviour")
                .scenario("hostile plugins: hang (killed with children), child holding stdout, 100 MiB stdout, "
                        + "binary garbage, exit 0 without output, SIGSEGV, stdin closed unread, 8 MB stderr, "
                        + "10 MiB/invalid/deep error JSON, not executable, directory, symlink loop, not an ELF")
                .count(runs, "failing runs in one JVM")
                .lost(0, "every run a typed CniException; fds and heap after GC unchanged")
                .fact("fd delta", fdDelta)
                .fact("heap delta after GC (KiB)", heapDelta >> 10)
                .fact("threads before/after", threadsBefore + "/" + Thread.activeCount())
                .fact("kinds", byKind.size())
                .write();
    }

    private void runQuick(int i, Map<String, Integer> byKind) {
        String kind = QUICK.get(i % QUICK.size());
        Throwable t = catchThrowable(() -> invoker.add(kind, 0));
        assertThat(t).as(kind).isInstanceOf(CniException.class);
        assertThat(t.getMessage()).as(kind).isNotBlank();
        byKind.merge(kind, 1, Integer::sum);
    }

    private <T extends CniException> T assertFailure(String plugin, Class<T> type, String messagePart) {
        // A large stdin makes "closes stdin without reading" hit a full pipe, not just a short write.
        long start = System.nanoTime();
        Throwable t = catchThrowable(() -> invoker.add(plugin, 256 * 1024));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as(plugin).isLessThan(RETURN_BOUND_MS);
        assertThat(t).as(plugin).isInstanceOf(type);
        assertThat(t.getMessage()).as(plugin).contains(messagePart);
        return type.cast(t);
    }

    private static void assertDead(long pid, String what) {
        assertThat(pid).as("%s recorded its pid", what).isPositive();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && isAlive(pid)) {
            sleep(20);
        }
        assertThat(isAlive(pid)).as("%s (pid %d) is still running", what, pid).isFalse();
    }

    /** Alive and not a zombie waiting for its reaper. */
    private static boolean isAlive(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Bytes allocated so far by all live threads (the pipe readers are pool threads that stay alive). */
    private static long allocatedBytes() {
        // com.sun.management is not read by the module under test, so its extension is reached reflectively.
        try {
            Object threads = ManagementFactory.getThreadMXBean();
            long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
            long[] bytes = (long[]) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long[].class).invoke(threads, (Object) ids);
            long total = 0;
            for (long a : bytes) {
                total += Math.max(0, a);
            }
            return total;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this JVM cannot count allocated bytes", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
