package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's first command, {@code demo.sh}, end to end: every step, and nothing left behind in any case. */
@Tag("integration")
class DemoIT {

    private static final DemoSetup DEMO = DemoSetup.standard(Subnets.PREFERRED);

    @BeforeEach
    void prerequisites() {
        ItPrerequisites.requireRootAndPlugins("bridge", "host-local");
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(Files.exists(DEMO.netnsPath())).as("netns " + DEMO.netnsPath()).isFalse();
        assertThat(HostCommands.linkExists(DEMO.bridge())).as("bridge " + DEMO.bridge()).isFalse();
        assertThat(DEMO.workDir()).as("the demo's work dir").doesNotExist();
        assertThat(Path.of("/run/c4j-demo.lock")).as("the demo's lock file").doesNotExist();
        if (HostCommands.available("iptables-save")) {
            assertThat(HostCommands.run("iptables-save").out()).as("iptables rules").doesNotContain(DEMO.network());
        }
    }

    @Test
    void demoScriptWalksEveryStepAndExitsZero() {
        Run run = Launcher.run(List.of(Launcher.DEMO.toString()), Map.of(), Path.of("/"), 600);
        assertThat(run.status()).as(run.toString()).isZero();
        for (int step = 1; step <= 9; step++) {
            assertThat(run.out()).as(run.toString()).contains("== Step " + step + "/9: ");
        }
        assertThat(run.out()).contains("$ ip netns add c4j-demo", "$ cnitool add c4j-demo /run/netns/c4j-demo",
                "$ cnitool check c4j-demo", "$ ip -n c4j-demo addr", "$ cnitool del c4j-demo", "+PONG",
                "\"cniVersion\": \"1.0.0\"", "== demo finished: every step passed, nothing left behind");
        assertThat(run.out()).doesNotContain("LEFT BEHIND");
    }

    @Test
    void aFailingStepStillCleansUpAndExitsOne() {
        // host-local refuses a /31 ("too small to allocate from") after the bridge plugin made the bridge and veth.
        Run run = Launcher.cnitool(Map.of(), "demo", "--subnet", "10.250.0.0/31");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("== Step 3/9: ADD").contains("FAILED: ").contains("too small")
                .contains("== cleaning up after the failed step").contains("== demo FAILED");
    }

    @Test
    void interruptingTheDemoCleansUp() throws Exception {
        // With the class archive in place the launcher execs java, so the process we start is the JVM itself.
        Launcher.cnitool(Map.of(), "--help");
        // The demo waits at step 4 (attachment made, CHECK not yet run) until its marker file goes away: the test
        // signals a demo known to be mid-way, whatever the machine's speed.
        Path marker = Files.createTempDirectory("c4j-demo-it").resolve("paused");
        ProcessBuilder pb = new ProcessBuilder(Launcher.CNITOOL.toString(), "demo").redirectErrorStream(true);
        pb.environment().put("CNI4J_DEMO_PAUSE_AT", "4");
        pb.environment().put("CNI4J_DEMO_PAUSE_FILE", marker.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                        seen.notifyAll();
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        try {
            // A bound on a broken demo only, not a race: a working one is paused until signalled.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!Files.exists(marker) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(marker).as(seen::toString).exists();
            assertThat(p.isAlive()).as("the paused demo is still running").isTrue();
        } catch (Throwable t) {
            p.destroyForcibly();   // a demo that never paused; its leftovers fail nothingLeftBehind
            throw t;
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        reader.get(10, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(seen.toString()).isNotZero();
        assertThat(seen.toString()).contains("== Step 4/9", "== paused at step 4")
                .doesNotContain("== Step 5/9", "== demo finished");
        assertThat(marker).as("the demo removes its pause marker").doesNotExist();
        Files.deleteIfExists(marker.getParent());
    }
}
