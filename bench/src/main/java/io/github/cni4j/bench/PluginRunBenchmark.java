package io.github.cni4j.bench;

import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.invoke.PluginExec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One run of the no-op plugin (stdin written, stdout and stderr collected, exit status read, 10 s timeout armed)
 * through each Java executor. Baselines, measured outside JMH by {@code FullRun}: the same run in C with
 * {@code posix_spawn} and through Go's {@code invoke.RawExec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PluginRunBenchmark {

    private static final byte[] STDIN = "{\"cniVersion\":\"1.0.0\",\"name\":\"bench\",\"type\":\"noop\"}"
            .getBytes(StandardCharsets.UTF_8);

    private PluginExec.Request request;
    private PluginExec posixSpawn;
    private PluginExec portable;

    @Setup
    public void setUp() {
        request = new PluginExec.Request(Fixtures.noopPlugin(), STDIN, Fixtures.addEnvironment(),
                Duration.ofSeconds(10));
        posixSpawn = PluginExecs.posixSpawn();
        portable = PluginExecs.portable();
    }

    @Benchmark
    public PluginExec.Response nativePosixSpawn() {
        return check(posixSpawn.run(request));
    }

    @Benchmark
    public PluginExec.Response processBuilder() {
        return check(portable.run(request));
    }

    @Benchmark
    public byte[] commonsExec() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err, new ByteArrayInputStream(STDIN)));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofSeconds(10)).get());
        executor.execute(new CommandLine(request.plugin().toFile()), request.environment());
        return out.toByteArray();
    }

    private static PluginExec.Response check(PluginExec.Response r) {
        if (!r.isSuccess()) {
            throw new IllegalStateException("plugin run failed: " + r);
        }
        return r;
    }
}
