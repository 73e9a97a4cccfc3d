package io.github.cni4j.invoke;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cni4j.error.PluginException;
import io.github.cni4j.config.NetworkConfigList;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFailureTest {

    @TempDir
    Path tmp;
    ScriptPlugins plugins;

    @BeforeEach
    void setUp() {
        plugins = new ScriptPlugins(tmp);
    }

    CniInvoker invoker(Duration timeout) {
        return CniInvoker.builder().pluginDirs(List.of(plugins.dir)).cacheDir(tmp.resolve("cache")).timeout(timeout)
                .busyRetryDelay(Duration.ofMillis(20)).build();
    }

    static NetworkConfigList list(String type) {
        return NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"plugins\":[{\"type\":\""
                + type + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    static RuntimeConf rt() {
        return RuntimeConf.builder().containerId("c1").netNs("/x").ifName("eth0").build();
    }

    PluginException addFails(String type) {
        try {
            invoker(Duration.ofSeconds(20)).add(list(type), rt());
        } catch (PluginException e) {
            return e;
        }
        throw new AssertionError("ADD succeeded");
    }

    @Test
    void noOutputGivesLibcniNoMessageText() {
        plugins.script("p", "exit 2\n");
        PluginException e = addFails("p");
        assertThat(e.code()).isZero();
        assertThat(e.getMessage()).isEqualTo(
                "plugin type=\"p\" failed (add): netplugin failed with no error message: exit status 2");
        assertThat(e.exitStatus()).isEqualTo(2);
        assertThat(e.command()).isEqualTo("ADD");
        assertThat(e.pluginPath()).isEqualTo(plugins.dir.resolve("p").toString());
    }

    @Test
    void undecodableStdoutIsReportedWithTheJsonError() {
        plugins.script("p", "printf 'garbage'; exit 1\n");
        assertThat(addFails("p").getMessage()).startsWith("plugin type=\"p\" failed (add): netplugin failed but "
                + "error parsing its diagnostic message \"garbage\": ");
        plugins.script("q", "printf '{\"code\":\"7\",\"msg\":\"x\"}'; exit 1\n");
        assertThat(addFails("q").getMessage()).endsWith(
                "json: cannot unmarshal string into Go struct field Error.code of type uint");
    }

    @Test
    void garbageResultOnSuccessIsAPluginError() {
        plugins.script("p", "cat >/dev/null; printf 'not json'\n");
        PluginException e = addFails("p");
        assertThat(e.getMessage()).startsWith("plugin type=\"p\" failed (add): ");
        assertThat(e.code()).isEqualTo(6);
    }

    @Test
    void crashBySignalIsNamed() {
        plugins.script("p", "echo dying >&2; kill -SEGV $$\n");
        PluginException e = addFails("p");
        assertThat(e.signal()).contains(11);
        assertThat(e.getMessage()).isEqualTo(
                "plugin type=\"p\" failed (add): netplugin failed: \"dying\\n\": signal: segmentation fault");
        assertThat(e.stderrTail()).isEqualTo("dying\n");
    }

    @Test
    void notExecutableGivesForkExecError() throws IOException {
        Files.writeString(plugins.dir.resolve("p"), "#!/bin/sh\n");
        assertThat(addFails("p").getMessage()).isEqualTo("plugin type=\"p\" failed (add): netplugin failed with no "
                + "error message: fork/exec " + plugins.dir.resolve("p") + ": permission denied");
    }

    @Test
    void hangingPluginAndItsChildrenAreKilledAtTheTimeout() throws Exception {
        String marker = String.valueOf(40000 + ThreadLocalRandom.current().nextInt(20000));
        plugins.script("p", "sleep " + marker + " &\nwait\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> invoker(Duration.ofMillis(700)).add(list("p"), rt()))
                .is(FailureKinds.PLUGIN_TIMEOUT).isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.timeout()).contains(Duration.ofMillis(700));
                    assertThat(e.pluginType()).isEqualTo("p");
                    assertThat(e.command()).isEqualTo("ADD");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        Thread.sleep(200);
        assertThat(sleepers(marker)).as("orphaned sleep processes").isEmpty();
    }

    @Test
    void grandchildHoldingStdoutDoesNotBlockPastTheTimeout() throws Exception {
        String marker = String.valueOf(60000 + ThreadLocalRandom.current().nextInt(20000));
        plugins.script("p", "(sleep " + marker + " &)\nexit 0\n");
        long start = System.nanoTime();
        try {
            Throwable thrown = catchThrowable(() -> invoker(Duration.ofMillis(700)).add(list("p"), rt()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            if ("portable".equals(System.getProperty("cni4j.exec"))) {
                // The JDK drains and closes a child's pipes once the child itself has exited, so the portable
                // executor may see end-of-file at once (an empty result) instead of waiting for the grandchild.
                assertThat(thrown).isInstanceOf(PluginException.class);
            } else {
                assertThat(thrown).is(FailureKinds.PLUGIN_TIMEOUT);
            }
        } finally {
            // A double-forked process escapes the tree kill (documented limit); clean it up here.
            sleepers(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    static List<ProcessHandle> sleepers(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains("sleep " + marker)).orElse(false))
                .toList();
    }

    @Test
    void textFileBusyIsRetriedSixTimesThenReported() throws Exception {
        plugins.script("p", "exit 0\n");
        AtomicInteger runs = new AtomicInteger();
        PluginExec counting = r -> {
            runs.incrementAndGet();
            return PluginExecs.portable().run(r);
        };
        CniInvoker inv = CniInvoker.builder().pluginDirs(List.of(plugins.dir)).cacheDir(tmp.resolve("c"))
                .exec(counting).busyRetryDelay(Duration.ofMillis(10)).build();
        try (FileOutputStream open = new FileOutputStream(plugins.dir.resolve("p").toFile(), true)) {
            assertThatThrownBy(() -> inv.del(list("p"), rt())).isInstanceOf(PluginException.class)
                    .hasMessageEndingWith(plugins.dir.resolve("p") + ": text file busy");
        }
        assertThat(runs).hasValue(6);
        inv.del(list("p"), rt());
        assertThat(runs).hasValue(7);
    }

    @Test
    void stdoutIsBoundedAndStderrKeepsItsTail() {
        plugins.script("p", "cat >/dev/null; head -c 3000 /dev/zero | tr '\\0' 'e' >&2; head -c 5000 /dev/zero\n");
        PluginExec small = new io.github.cni4j.internal.exec.ProcessExec(4096, 1024);
        PluginExec.Response r = small.run(new PluginExec.Request(plugins.dir.resolve("p"), new byte[0], System.getenv(),
                Duration.ofSeconds(10)));
        assertThat(r.stdoutOverflow()).isTrue();
        assertThat(r.stdout()).hasSize(4096);
        assertThat(r.stderrTail()).hasSize(1024);
        assertThat(r.isSuccess()).isTrue();
    }

    @Test
    void largeStdinIsWrittenWithoutBlocking() {
        plugins.script("p", "cat\n");
        byte[] big = new byte[256 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        PluginExec.Response r = PluginExecs.portable().run(new PluginExec.Request(plugins.dir.resolve("p"), big,
                System.getenv(), Duration.ofSeconds(20)));
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.stdout()).isEqualTo(big);
    }

    @Test
    void interruptingTheCallerKillsThePluginAndSaysSo() throws Exception {
        String marker = String.valueOf(80000 + ThreadLocalRandom.current().nextInt(10000));
        plugins.script("p", "sleep " + marker + "\n");
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                invoker(Duration.ofSeconds(60)).add(list("p"), rt());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        caller.start();
        while (sleepers(marker).isEmpty() && caller.isAlive()) {
            Thread.sleep(20);
        }
        caller.interrupt();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(PluginException.class)
                .hasMessageContaining("calling thread was interrupted");
        Thread.sleep(200);
        assertThat(sleepers(marker)).isEmpty();
    }
}
