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
        String[] names = {"10-containerd-net.conflist", "six-plugins.conflist"};
        byte[][] texts = new byte[names.length][];
        Path[] files = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            texts[i] = Fixtures.resource(names[i]);
            files[i] = dir.resolve(names[i]);
            try {
                Files.write(files[i], texts[i]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // The first launch of the Go program loads the harness's process classes, and the second list takes paths
        // the first does not: both can make the JIT drop and redo compiled parse code, so both happen before the
        // first timed round rather than in the middle of one.
        for (Path file : files) {
            into.runOnce("parse", Map.of(), goBench.toString(), "parse", file.toString(), "50");
        }
        warmUp(texts);
        for (int f = 0; f < names.length; f++) {
            String key = names[f].startsWith("six") ? "six" : "containerd";
            byte[] bytes = texts[f];
            Path file = files[f];
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
     * Parses every list until the JIT has settled: at least 3 s in all, then on until a whole second passes
     * without a compilation finishing (at most 30 s). On a loaded machine the compiler threads get little CPU, and
     * a fixed warm-up left the first rounds timing C1 code, ten times slower than the steady state that Go's
     * compiled code is compared with.
     */
    private static void warmUp(byte[][] texts) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (byte[] t : texts) {
            batchMedian(t, 3000 / texts.length);
        }
        long end = System.nanoTime() + 30_000_000_000L;
        long before = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() < end) {
            for (byte[] t : texts) {
                batchMedian(t, 250 / texts.length);
            }
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
