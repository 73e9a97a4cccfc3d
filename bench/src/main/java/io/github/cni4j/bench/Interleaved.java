package io.github.cni4j.bench;

import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.invoke.PluginExec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The plugin-run comparison that decides the "within 15 % of C" goal. On a shared machine the load changes from
 * second to second, so figures measured minutes apart cannot be divided. Here short rounds of the C harness, the
 * native executor, the portable executor and Go's {@code RawExec} alternate, each round gives a ratio, and the median
 * ratio is reported.
 */
final class Interleaved {

    private Interleaved() {
    }

    static void measure(Baselines into, Path rawSpawn, Path goBench, Path plugin, int rounds, int runs) {
        PluginExec.Request request = new PluginExec.Request(plugin,
                "{\"cniVersion\":\"1.0.0\",\"name\":\"bench\",\"type\":\"noop\"}"
                .getBytes(StandardCharsets.UTF_8), Fixtures.addEnvironment(), Duration.ofSeconds(10));
        PluginExec nat = PluginExecs.posixSpawn();
        PluginExec portable = PluginExecs.portable();
        // Warm up the JIT for both executors before the first round.
        median(nat, request, 2000);
        median(portable, request, 500);
        List<Double> c = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> g = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Double raw = into.runOnce("median_ns", Map.of(), rawSpawn.toString(), plugin.toString(),
                    Integer.toString(runs));
            n.add(median(nat, request, runs));
            p.add(median(portable, request, runs));
            Double go = goBench == null ? null
                    : into.runOnce("exec", Map.of(), goBench.toString(), "exec", plugin.toString(), "400");
            if (raw != null) {
                c.add(raw);
            }
            if (go != null) {
                g.add(go);
            }
        }
        put(into, "il.raw", c);
        put(into, "il.native", n);
        put(into, "il.portable", p);
        put(into, "il.go", g);
        into.values.put("il.rounds", (double) rounds);
        into.values.put("il.runs", (double) runs);
        if (c.size() == rounds) {
            put(into, "il.ratio.native", ratios(n, c));
            put(into, "il.ratio.portable", ratios(p, c));
            if (g.size() == rounds) {
                put(into, "il.ratio.go", ratios(g, c));
                put(into, "il.ratio.native.go", ratios(n, g));
            }
        }
    }

    static List<Double> ratios(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return r;
    }

    static void put(Baselines into, String key, List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        into.values.put(key, v[v.length / 2]);
        into.values.put(key + ".min", v[0]);
        into.values.put(key + ".max", v[v.length - 1]);
        System.out.println("interleaved " + key + " = " + v[v.length / 2] + " " + Arrays.toString(v));
    }

    private static double median(PluginExec exec, PluginExec.Request request, int runs) {
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            if (!exec.run(request).isSuccess()) {
                throw new IllegalStateException("plugin run failed");
            }
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
