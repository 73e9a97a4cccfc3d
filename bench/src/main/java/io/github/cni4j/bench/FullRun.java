package io.github.cni4j.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of the benchmark suite.
 *
 * <ul>
 *   <li>{@code --smoke}: every benchmark once for 200 ms in this JVM, no report (what {@code mvn verify} runs).</li>
 *   <li>{@code --full --out=BENCHMARKS.md [--plugin=P] [--raw=R] [--netns-c=N] [--go=G]}: the suite with one fork per benchmark
 *   and the GC profiler, then the C and Go baselines, then the Markdown report.</li>
 *   <li>{@code --parse-only --go=G [--rounds=N]}: only the alternating parse rounds against Go (7 by default),
 *   printed, no JMH and no report; for work on the parser.</li>
 * </ul>
 * The namespace benchmarks need root and are left out otherwise.
 */
public final class FullRun {

    private FullRun() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        if (opts.containsKey("--plugin")) {
            System.setProperty(Fixtures.PLUGIN_PROPERTY, opts.get("--plugin"));
        }
        if (opts.containsKey("--parse-only")) {
            Baselines b = new Baselines();
            Path go = Objects.requireNonNull(path(opts, "--go"), "--parse-only needs --go");
            InterleavedParse.measure(b, go, Integer.parseInt(opts.getOrDefault("--rounds", "7")));
            b.problems.forEach(p -> System.out.println("problem: " + p));
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        ChainedOptionsBuilder b = new OptionsBuilder().include("io\\.github\\.cni4j\\.bench\\..*Benchmark\\..*")
                .shouldFailOnError(true);
        if (!root) {
            b.exclude("NetNsBenchmark");
        }
        if (!opts.containsKey("--full")) {
            b.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
            new Runner(b.build()).run();
            System.out.println("benchmark smoke run: OK (no figures are checked)");
            return;
        }
        b.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(4)
                .measurementTime(TimeValue.seconds(1)).addProfiler(GCProfiler.class)
                .jvmArgsAppend("-D" + Fixtures.PLUGIN_PROPERTY + "=" + Fixtures.noopPlugin());
        Collection<RunResult> results = new Runner(b.build()).run();
        Baselines baselines = Baselines.measure(path(opts, "--raw"), path(opts, "--go"), Fixtures.noopPlugin(),
                Integer.parseInt(opts.getOrDefault("--go-millis", "3000")));
        double[] firstLint = FirstLint.measure(System.getProperty("java.class.path"), 7);
        baselines.values.put("lint.first", firstLint[0]);
        baselines.values.put("lint.first.wall", firstLint[1]);
        Path netnsC = path(opts, "--netns-c");
        if (root && netnsC != null) {
            baselines.netns.putAll(io.github.cni4j.bench.netns.InterleavedNetNs.measure(netnsC, 7));
        }
        Path out = Path.of(opts.getOrDefault("--out", "BENCHMARKS.md"));
        Report.write(out, results, baselines, root);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static Path path(Map<String, String> opts, String key) {
        String v = opts.get(key);
        return v == null || v.isEmpty() ? null : Path.of(v);
    }
}
