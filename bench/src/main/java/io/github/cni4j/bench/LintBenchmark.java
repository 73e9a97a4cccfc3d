package io.github.cni4j.bench;

import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.Linter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an IDE plugin pays per keystroke: {@code Linter.lint} of the seed config (the user's {@code redisnet.conf})
 * and of a 6-plugin conflist, warm. The first lint in a fresh JVM is measured by {@link FirstLint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LintBenchmark {

    private final Linter linter = Linter.standard();
    private final String seed = new String(Fixtures.resource("redisnet.conf"), StandardCharsets.UTF_8);
    private final String six = new String(Fixtures.resource("six-plugins.conflist"), StandardCharsets.UTF_8);

    @Benchmark
    public List<Diagnostic> seedConf() {
        return linter.lint(seed, "redisnet.conf");
    }

    @Benchmark
    public List<Diagnostic> sixPluginConflist() {
        return linter.lint(six, "six-plugins.conflist");
    }
}
