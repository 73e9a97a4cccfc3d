package io.github.cni4j.bench;

import io.github.cni4j.config.NetworkConfigList;
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
 * {@code NetworkConfigList.fromBytes} on the containerd default conflist (2 plugins) and a 6-plugin list; Go's
 * {@code libcni.ConfListFromBytes} on the same bytes is the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {

    private final byte[] containerd = Fixtures.resource("10-containerd-net.conflist");
    private final byte[] six = Fixtures.resource("six-plugins.conflist");

    @Benchmark
    public NetworkConfigList containerdConflist() {
        return NetworkConfigList.fromBytes(containerd);
    }

    @Benchmark
    public NetworkConfigList sixPluginConflist() {
        return NetworkConfigList.fromBytes(six);
    }
}
