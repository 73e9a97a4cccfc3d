package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.CniException;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNetns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A child JVM loops ADD/DEL on a real bridge network and is killed with SIGKILL at random moments. After every kill
 * each cache file parses or is absent, and DEL of the attachment that was in flight plus GC leave no veth, no
 * host-local reservation, no cache file and no netns behind.
 */
@Tag("integration")
class CrashConsistencyIT {

    private static final java.util.concurrent.atomic.AtomicInteger TEMP_FILES_SEEN =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Longest random wait between the child's first ADD and the kill. */
    private static final long MAX_DELAY_MS = 1500;

    @Test
    void sigkillAtRandomPointsLosesNothing() throws Exception {
        Prerequisites.requireRootAndPlugins("bridge", "host-local");
        int kills = Figures.intProperty("cni4j.reliability.kills", 50);
        Map<String, Integer> killedDuring = new TreeMap<>();
        List<String> namespaces = new ArrayList<>();
        long operationsBeforeKills = 0;
        int cacheFilesChecked = 0;
        try (BridgeNetwork net = new BridgeNetwork()) {
            CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR))
                    .cacheDir(net.cacheDir).timeout(Duration.ofSeconds(60)).build();
            for (int k = 0; k < kills; k++) {
                try (TestNetns ns = TestNetns.create()) {
                    namespaces.add(ns.name());
                    String prefix = "c4j-crash-" + k;
                    List<String> announced = runAndKill(net, ns, prefix);
                    operationsBeforeKills += announced.size();
                    String last = announced.get(announced.size() - 1);
                    killedDuring.merge(last.substring(0, 3), 1, Integer::sum);
                    awaitNoPluginOf(prefix);
                    cacheFilesChecked += assertEveryCacheFileParsesOrIsAbsent(net);
                    // A runtime re-issues DEL for the sandbox it was working on; GC removes what the cache knows.
                    invoker.del(net.list, net.attachment(last.substring(4), ns.path()));
                    invoker.gc(net.list, List.of());
                    assertThat(net.leftovers()).as("after kill %d during %s (last ops %s; reservations %s)", k,
                            last, announced.subList(Math.max(0, announced.size() - 3), announced.size()),
                            net.reservationContents()).isEmpty();
                    assertThat(ns.ip("-o", "link", "show")).as("after kill %d", k).doesNotContain("eth0");
                }
            }
            String netnsList = Prerequisites.sh("ip", "netns", "list");
            namespaces.forEach(n -> assertThat(netnsList).doesNotContain(n));
            Figures.of("faults", "sigkill-during-add-del")
                    .scenario("child JVM looping ADD/DEL on a real bridge network, killed with SIGKILL at random "
                            + "points; then DEL of the in-flight attachment and GC")
                    .count(kills, "SIGKILLs")
                    .lost(net.leftovers().size(), "every cache file parsed or was absent after each kill; no veth, "
                            + "host-local reservation, cache file or netns left after recovery")
                    .fact("killed during", killedDuring.toString())
                    .fact("operations started before the kills", operationsBeforeKills)
                    .fact("cache files checked", cacheFilesChecked)
                    .fact("kills inside an atomic cache write (temp file left, entry intact)", TEMP_FILES_SEEN.get())
                    .write();
        }
    }

    /** Starts the victim, waits a random time after its first ADD, kills it; returns the operations it announced. */
    private static List<String> runAndKill(BridgeNetwork net, TestNetns ns, String prefix) throws Exception {
        Path journal = net.root.resolve(prefix + ".journal");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CrashLoopMain.class.getName(),
                Prerequisites.PLUGIN_DIR.toString(), net.cacheDir.toString(), net.confFile.toString(),
                ns.path().toString(), prefix, journal.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        AtomicReference<IOException> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                readFailure.set(e);
            }
        });
        reader.start();
        String first;
        try {
            first = lines.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("the child started its first ADD").startsWith("ADD ");
            Thread.sleep(ThreadLocalRandom.current().nextLong(MAX_DELAY_MS));
            assertThat(child.isAlive()).as("the child loops until killed").isTrue();
        } finally {
            // Freeze the JVM first so the snapshot of its children is complete (a plugin it is just spawning is a
            // jspawnhelper that becomes the plugin under the same pid), then SIGKILL the JVM alone: its plugins
            // live on as orphans, as they would after a real crash, and recovery must wait for them.
            Prerequisites.shQuiet("kill", "-STOP", Long.toString(child.pid()));
            List<ProcessHandle> orphans = child.descendants().toList();
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
            awaitExit(orphans);
        }
        // The journal, not the pipe, is the record: it was forced to disk before each operation began.
        List<String> announced = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(announced).as("journal of %s", prefix).isNotEmpty().startsWith(first);
        return announced;
    }

    private static void awaitExit(List<ProcessHandle> orphans) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (ProcessHandle h : orphans) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(h.isAlive()).as("orphaned plugin %s still running after 60 s", h.pid()).isFalse();
        }
    }

    /** The killed JVM's plugin may still be running (orphaned); recovery must not race it. */
    private static void awaitNoPluginOf(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        byte[] marker = ("CNI_CONTAINERID=" + prefix + "-").getBytes(StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline && anyProcessWith(marker)) {
            Thread.sleep(20);
        }
    }

    private static boolean anyProcessWith(byte[] marker) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> environContains(p, marker));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean environContains(Path proc, byte[] marker) {
        try {
            byte[] env = Files.readAllBytes(proc.resolve("environ"));
            outer:
            for (int i = 0; i + marker.length <= env.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (env[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static int assertEveryCacheFileParsesOrIsAbsent(BridgeNetwork net) {
        ResultCache cache = ResultCache.of(net.cacheDir);
        int checked = 0;
        for (String file : net.cacheFiles()) {
            if (file.startsWith(".") && file.endsWith(".tmp")) {
                // The kill hit an atomic write between temp file and rename: the entry itself is intact or absent.
                TEMP_FILES_SEEN.incrementAndGet();
                continue;
            }
            assertThat(file).as("only entries of this network").startsWith(net.name + "-").endsWith("-eth0");
            String id = file.substring(net.name.length() + 1, file.length() - "-eth0".length());
            try {
                assertThat(cache.get(net.name, id, "eth0")).as(file).isPresent();
            } catch (CniException e) {
                throw new AssertionError("cache file " + file + " does not parse after a kill: " + e.getMessage(), e);
            }
            checked++;
        }
        return checked;
    }
}
