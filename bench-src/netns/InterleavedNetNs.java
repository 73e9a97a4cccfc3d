package io.github.cni4j.bench.netns;

import io.github.cni4j.netns.NetNs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The namespace figures of issue 19 against a C program making the same syscalls ({@code netns-baseline.c}):
 * rounds of C and cni4j alternate, each round gives a ratio, the median ratio and the spread are reported. Needs
 * root. Namespaces made here are named {@code c4j-bench-*} (and {@code c4j-cbase-*} by the C side) and removed.
 */
public final class InterleavedNetNs {

    private InterleavedNetNs() {
    }

    /**
     * Measures and returns median figures: {@code ns.create.c}, {@code ns.create.java}, {@code ns.create.ratio},
     * {@code ns.run.c}, {@code ns.run.java}, {@code ns.run.ratio} (ns per operation) plus the sorted per-round
     * ratios as text under {@code *.spread}.
     */
    public static Map<String, Object> measure(Path cBaseline, int rounds) {
        Map<String, Object> out = new LinkedHashMap<>();
        createDelete(200); // JIT warm-up
        try (NetNs ns = NetNs.create(name())) {
            try {
                emptyRun(ns, 20_000);
                List<Double> cc = new ArrayList<>(), jc = new ArrayList<>(), cr = new ArrayList<>(),
                        jr = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    cc.add(c(cBaseline, "create", 200));
                    jc.add(createDelete(200));
                    cr.add(c(cBaseline, "run", 20_000));
                    jr.add(emptyRun(ns, 20_000));
                }
                put(out, "ns.create", jc, cc);
                put(out, "ns.run", jr, cr);
            } finally {
                ns.delete();
            }
        }
        return out;
    }

    private static void put(Map<String, Object> out, String key, List<Double> mine, List<Double> c) {
        double[] ratios = new double[mine.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = mine.get(i) / c.get(i);
        }
        Arrays.sort(ratios);
        out.put(key + ".java", median(mine));
        out.put(key + ".c", median(c));
        out.put(key + ".ratio", ratios[ratios.length / 2]);
        out.put(key + ".spread", String.format(Locale.ROOT, "%.2f-%.2fx", ratios[0],
                ratios[ratios.length - 1]));
        System.out.println("interleaved " + key + " ratios " + Arrays.toString(ratios));
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    private static String name() {
        return "c4j-bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    private static double createDelete(int n) {
        long[] t = new long[n];
        String base = name() + "-";
        for (int i = 0; i < n; i++) {
            String name = base + i;
            long start = System.nanoTime();
            NetNs ns = NetNs.create(name);
            ns.delete();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[n / 2];
    }

    private static double emptyRun(NetNs ns, int n) {
        long[] t = new long[n];
        Runnable empty = () -> { };
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            ns.run(empty);
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[n / 2];
    }

    private static double c(Path binary, String mode, int n) {
        try {
            Process p = new ProcessBuilder(binary.toString(), mode, Integer.toString(n))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !text.startsWith("median_ns ")) {
                throw new IllegalStateException(binary + " " + mode + " failed: " + text);
            }
            return Double.parseDouble(text.substring("median_ns ".length()));
        } catch (IOException e) {
            throw new IllegalStateException(binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs the comparison alone: {@code InterleavedNetNs <netns-baseline> [rounds]}. */
    public static void main(String[] args) {
        System.out.println(measure(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 5));
    }
}
