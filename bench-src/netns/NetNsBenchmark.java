package io.github.cni4j.bench.netns;

import io.github.cni4j.netns.NetNs;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Costs of cni4j's namespace operations against iproute2. Needs root. Every namespace made here is named
 * {@code c4j-bench-*} and removed again.
 *
 * <ul>
 *   <li>{@code createDelete}: {@code NetNs.create} + {@code delete}, in-process (mkdir/mount/unshare/bind/umount).</li>
 *   <li>{@code ipNetnsAddDel}: the same through {@code ip netns add} + {@code ip netns del} (two processes).</li>
 *   <li>{@code emptyRun}: {@code ns.run(() -> {})}, i.e. open own ns + two setns calls.</li>
 *   <li>{@code interfaces}: {@code ns.interfaces()} (switch + two rtnetlink dumps).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NetNsBenchmark {

    private NetNs shared;
    private String sharedName;

    @Setup(Level.Trial)
    public void setUp() {
        sharedName = name();
        shared = NetNs.create(sharedName);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shared.delete();
    }

    private static String name() {
        return "c4j-bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    @Benchmark
    public void createDelete() {
        NetNs ns = NetNs.create(name());
        ns.delete();
    }

    @Benchmark
    public int ipNetnsAddDel() throws IOException, InterruptedException {
        String name = name();
        int add = new ProcessBuilder("ip", "netns", "add", name).inheritIO().start().waitFor();
        int del = new ProcessBuilder("ip", "netns", "del", name).inheritIO().start().waitFor();
        if (add != 0 || del != 0) {
            throw new IllegalStateException("ip netns add/del failed: " + add + "/" + del);
        }
        return add + del;
    }

    @Benchmark
    public void emptyRun() {
        shared.run(() -> { });
    }

    @Benchmark
    public int interfaces() {
        return shared.interfaces().size();
    }
}
