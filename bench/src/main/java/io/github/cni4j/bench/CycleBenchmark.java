package io.github.cni4j.bench;

import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.RuntimeConf;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ADD then DEL of a 3-plugin no-op conflist through {@link CniInvoker} with a temporary cache directory (six plugin
 * runs, a cache write and a cache read and delete): alone, and from 16 threads at once; each with the cache in the
 * default temp dir (disk) and on tmpfs. Go libcni's
 * {@code AddNetworkList} + {@code DelNetworkList} on the same list and plugin is the baseline.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CycleBenchmark {

    private final AtomicLong ids = new AtomicLong();
    private NetworkConfigList list;
    private CniInvoker invoker;
    private CniInvoker portableInvoker;
    private CniInvoker tmpfsInvoker;

    @Setup
    public void setUp() {
        list = NetworkConfigList.fromBytes(Fixtures.resource("noop3.conflist"));
        Path plugins = Fixtures.pluginDir();
        invoker = CniInvoker.builder().pluginDirs(List.of(plugins)).cacheDir(Fixtures.tempDir("c4j-bench-cache"))
                .exec(PluginExecs.posixSpawn()).build();
        portableInvoker = CniInvoker.builder().pluginDirs(List.of(plugins))
                .cacheDir(Fixtures.tempDir("c4j-bench-cache")).exec(PluginExecs.portable()).build();
        tmpfsInvoker = CniInvoker.builder().pluginDirs(List.of(plugins)).cacheDir(Fixtures.tmpfsDir("c4j-bench-cache"))
                .exec(PluginExecs.posixSpawn()).build();
    }

    private void cycle(CniInvoker inv) {
        RuntimeConf rt = RuntimeConf.builder().containerId("bench" + ids.incrementAndGet())
                .netNs("/var/run/netns/bench").ifName("eth0").build();
        inv.add(list, rt);
        inv.del(list, rt);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void addDel() {
        cycle(invoker);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void addDelPortable() {
        cycle(portableInvoker);
    }

    /** The cache on tmpfs, where {@code fsync} costs nothing: isolates cni4j's crash-safe cache writes. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void addDelTmpfs() {
        cycle(tmpfsInvoker);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public void concurrentAddDel() {
        cycle(invoker);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public void concurrentAddDelTmpfs() {
        cycle(tmpfsInvoker);
    }
}
