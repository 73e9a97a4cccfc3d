package io.github.cni4j.bench;

import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.RuntimeConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ADD+DEL goals, measured like {@link Interleaved}: rounds of cni4j and of Go libcni alternate, with the cache
 * on disk and on tmpfs, and the median of the per-round ratios is reported. Latency is the median of single cycles on
 * both sides; throughput is 16 threads (goroutines) for a fixed time.
 */
final class InterleavedCycles {

    private static final AtomicLong IDS = new AtomicLong();

    /** Cycles per concurrent round: 800 keep five rounds of both sides (disk and tmpfs) to about three minutes. */
    private static final int CONCURRENT_OPS = 800;

    private InterleavedCycles() {
    }

    static void measure(Baselines into, Path goBench, int rounds) {
        NetworkConfigList list = NetworkConfigList.fromBytes(Fixtures.resource("noop3.conflist"));
        Path plugins = Fixtures.pluginDir();
        Path noop3 = Fixtures.tempDir("c4j-bench-list").resolve("noop3.conflist");
        try {
            Files.write(noop3, Fixtures.resource("noop3.conflist"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (boolean tmpfs : new boolean[] {false, true}) {
            String suffix = tmpfs ? ".tmpfs" : "";
            Map<String, String> env = tmpfs ? Map.of("TMPDIR", "/dev/shm") : Map.of();
            CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(plugins)).exec(PluginExecs.posixSpawn())
                    .cacheDir(tmpfs ? Fixtures.tmpfsDir("c4j-bench-cache") : Fixtures.tempDir("c4j-bench-cache"))
                    .build();
            medianCycle(invoker, list, 200);
            List<Double> mine = new ArrayList<>();
            List<Double> go = new ArrayList<>();
            List<Double> mineOps = new ArrayList<>();
            List<Double> goOps = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                mine.add(medianCycle(invoker, list, 60));
                Double g = into.runOnce("cycle", env, goBench.toString(), "cycle", plugins.toString(),
                        noop3.toString(), "700");
                if (g != null) {
                    go.add(g);
                }
                mineOps.add(throughput(invoker, list, 16, CONCURRENT_OPS));
                Double gt = into.runOnce("concurrent_ops_per_s", env, goBench.toString(), "concurrent",
                        plugins.toString(), noop3.toString(), "16", String.valueOf(CONCURRENT_OPS));
                if (gt != null) {
                    goOps.add(gt);
                }
            }
            Interleaved.put(into, "ilc.cycle" + suffix, mine);
            Interleaved.put(into, "ilc.go.cycle" + suffix, go);
            Interleaved.put(into, "ilc.ops" + suffix, mineOps);
            Interleaved.put(into, "ilc.go.ops" + suffix, goOps);
            if (go.size() == rounds) {
                Interleaved.put(into, "ilc.ratio.cycle" + suffix, Interleaved.ratios(mine, go));
            }
            if (goOps.size() == rounds) {
                Interleaved.put(into, "ilc.ratio.ops" + suffix, Interleaved.ratios(mineOps, goOps));
            }
        }
        into.values.put("ilc.rounds", (double) rounds);
    }

    private static void cycle(CniInvoker invoker, NetworkConfigList list) {
        RuntimeConf rt = RuntimeConf.builder().containerId("ilc" + IDS.incrementAndGet())
                .netNs("/var/run/netns/bench").ifName("eth0").build();
        invoker.add(list, rt);
        invoker.del(list, rt);
    }

    private static double medianCycle(CniInvoker invoker, NetworkConfigList list, int cycles) {
        long[] t = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            long start = System.nanoTime();
            cycle(invoker, list);
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[cycles / 2];
    }

    /** Operations per second of {@code threads} threads cycling for {@code millis}, after a fifth of it as warm-up. */
    private static double throughput(CniInvoker invoker, NetworkConfigList list, int threads, long millis) {
        long warmEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis / 5);
        long end = warmEnd + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong done = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                while (true) {
                    long now = System.nanoTime();
                    if (now - end >= 0) {
                        return;
                    }
                    cycle(invoker, list);
                    if (now - warmEnd >= 0) {
                        done.incrementAndGet();
                    }
                }
            });
            workers[i].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return done.get() / (millis / 1000.0);
    }
}
