package io.github.cni4j.bench;

import io.github.cni4j.config.NetworkConfigList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parse goal, measured like {@link Interleaved}: rounds of {@code NetworkConfigList.fromBytes} and of Go's
 * {@code libcni.ConfListFromBytes} alternate, both timed the same way (median of the averages of batches of 200 parses,
 * after a warm-up until the JIT has settled), and the median of the per-round speed-ups is reported. Parsing is
 * CPU-bound, so on a shared machine a figure measured a minute apart can be off by the whole change in load.
 */
final class InterleavedParse {

    private static final int BATCH = 200;

    private InterleavedParse() {
    }

    static void measure(Baselines into, Path goBench, int rounds) {
        Path dir = Fixtures.tempDir("c4j-bench-parse");
        for (String name : new String[] {"10-containerd-net.conflist", "six-plugins.conflist"}) {
            String key = name.startsWith("six") ? "six" : "containerd";
            byte[] bytes = Fixtures.resource(name);
            Path file = dir.resolve(name);
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            warmUp(bytes);
            List<Double> mine = new ArrayList<>();
            List<Double> go = new ArrayList<>();
            List<Double> speedups = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double m = batchMedian(bytes, 400);
                Double g = into.runOnce("parse", Map.of(), goBench.toString(), "parse", file.toString(), "400");
                mine.add(m);
                if (g != null) {
                    go.add(g);
                    speedups.add(g / m);
                }
                System.out.printf("parse round %s %d: cni4j %.0f ns, Go %s ns%n", key, r + 1, m, g);
            }
            Interleaved.put(into, "ilp." + key, mine);
            Interleaved.put(into, "ilp.go." + key, go);
            if (speedups.size() == rounds) {
                Interleaved.put(into, "ilp.speedup." + key, speedups);
            }
        }
        into.values.put("ilp.rounds", (double) rounds);
    }

    /**
     * Parses until the JIT has settled: at least 3 s, then on until a whole second passes without a compilation
     * finishing (at most 30 s). On a loaded machine the compiler threads get little CPU, and a fixed warm-up left
     * the first rounds timing C1 code, ten times slower than the steady state that Go's compiled code is compared
     * with.
     */
    private static void warmUp(byte[] bytes) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        batchMedian(bytes, 3000);
        long end = System.nanoTime() + 30_000_000_000L;
        long before = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() < end) {
            batchMedian(bytes, 250);
            long now = jit.getTotalCompilationTime();
            quiet = now == before ? quiet + 1 : 0;
            before = now;
        }
    }

    /** Parses in batches for about {@code millis}, after a fifth of it as warm-up; median batch average in ns. */
    private static double batchMedian(byte[] bytes, long millis) {
        long warmEnd = System.nanoTime() + millis * 200_000L;
        while (System.nanoTime() < warmEnd) {
            NetworkConfigList.fromBytes(bytes);
        }
        List<Double> samples = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end || samples.size() < 5) {
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                NetworkConfigList.fromBytes(bytes);
            }
            samples.add((System.nanoTime() - start) / (double) BATCH);
        }
        samples.sort(null);
        return samples.get(samples.size() / 2);
    }
}
