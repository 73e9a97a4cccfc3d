package io.github.cni4j.reliability;

import io.github.cni4j.invoke.PluginExecs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.IpConfig;
import io.github.cni4j.result.Result;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNetns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many threads ADD and DEL on one real bridge network at once: no cache entry lost or duplicated, no IP handed out
 * twice at any time, no deadlock, and operations on one attachment strictly serialized.
 */
@Tag("integration")
class ConcurrentAttachIT {

    private static final Duration DEADLOCK_BOUND = Duration.ofMinutes(8);

    /** Counts plugin runs in flight per attachment; more than one at a time means two operations overlapped. */
    private static final class OverlapProbe implements PluginExec {
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger maxOverlap = new AtomicInteger();
        final AtomicLong runs = new AtomicLong();

        @Override
        public PluginExec.Response run(io.github.cni4j.invoke.PluginExec.Request request) {
            String key = request.environment().get("CNI_CONTAINERID") + "/" + request.environment().get("CNI_IFNAME");
            AtomicInteger n = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
            maxOverlap.accumulateAndGet(n.incrementAndGet(), Math::max);
            try {
                runs.incrementAndGet();
                return PluginExecs.portable().run(request);
            } finally {
                n.decrementAndGet();
            }
        }
    }

    @Test
    void sixteenThreadsAddAndDelWithoutLosingOrDuplicatingAnything() throws Exception {
        Prerequisites.requireRootAndPlugins("bridge", "host-local");
        int threads = Figures.intProperty("cni4j.reliability.threads", 16);
        int cycles = Figures.intProperty("cni4j.reliability.cycles", 200);
        OverlapProbe probe = new OverlapProbe();
        List<TestNetns> namespaces = new ArrayList<>();
        try (BridgeNetwork net = new BridgeNetwork()) {
            CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR))
                    .cacheDir(net.cacheDir).exec(probe).timeout(Duration.ofSeconds(60)).build();
            for (int t = 0; t < threads; t++) {
                namespaces.add(TestNetns.create());
            }
            Map<String, String> ipOwners = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger maxHeld = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TestNetns ns = namespaces.get(t);
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < cycles; i++) {
                        cycle(invoker, net, ns, "c4j-ctr-" + thread + "-" + i, ipOwners, problems, maxHeld);
                    }
                    return null;
                }));
            }
            go.countDown();
            pool.shutdown();
            boolean finished = pool.awaitTermination(DEADLOCK_BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(finished).as("all threads finished within %s (no deadlock)", DEADLOCK_BOUND).isTrue();
            for (Future<?> f : done) {
                f.get();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(problems).isEmpty();
            assertThat(probe.maxOverlap.get()).as("plugin runs of one attachment at once").isEqualTo(1);
            assertThat(net.leftovers()).isEmpty();
            for (TestNetns ns : namespaces) {
                assertThat(ns.ip("-o", "link", "show")).doesNotContain("eth0");
            }
            Figures.of("load", "concurrent-add-del")
                    .scenario(threads + " threads x " + cycles + " ADD/DEL cycles on one real bridge network "
                            + "(bridge + host-local, one /24)")
                    .count(2L * threads * cycles, "ADD+DEL operations")
                    .lost(problems.size() + net.leftovers().size(), "no IP held twice at any moment, every ADD "
                            + "cached and every DEL uncached, no overlap on one attachment, no veth/IP/cache left")
                    .fact("threads", threads)
                    .fact("cycles per thread", cycles)
                    .fact("max IPs held at once", maxHeld.get())
                    .fact("plugin runs", probe.runs.get())
                    .fact("seconds", seconds)
                    .write();
        } finally {
            namespaces.forEach(TestNetns::close);
        }
    }

    @Test
    void concurrentAddAndDelOfOneAttachmentAreSerialized() throws Exception {
        Prerequisites.requireRootAndPlugins("bridge", "host-local");
        int threads = 4;
        int ops = Figures.intProperty("cni4j.reliability.sameAttachmentOps", 25);
        OverlapProbe probe = new OverlapProbe();
        try (BridgeNetwork net = new BridgeNetwork(); TestNetns ns = TestNetns.create()) {
            CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR))
                    .cacheDir(net.cacheDir).exec(probe).timeout(Duration.ofSeconds(60)).build();
            RuntimeConf rt = net.attachment("c4j-ctr-contended", ns.path());
            AtomicLong failedAdds = new AtomicLong();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < ops; i++) {
                        try {
                            if (java.util.concurrent.ThreadLocalRandom.current().nextBoolean()) {
                                invoker.add(net.list, rt);
                            } else {
                                invoker.del(net.list, rt);
                            }
                        } catch (io.github.cni4j.error.PluginException e) {
                            // A second ADD of an applied attachment fails in the bridge plugin (eth0 exists).
                            failedAdds.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(DEADLOCK_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(unexpected).isEmpty();
            assertThat(probe.maxOverlap.get()).as("plugin runs of the one attachment at once").isEqualTo(1);
            // Cached exactly when applied: the cache never disagrees with the kernel and IPAM.
            boolean cached = invoker.cachedResult(net.list, rt).isPresent();
            boolean applied = ns.ip("-o", "link", "show").contains("eth0");
            assertThat(applied).as("eth0 present iff cached").isEqualTo(cached);
            assertThat(net.reservations()).hasSize(cached ? 1 : 0);
            invoker.del(net.list, rt);
            assertThat(net.leftovers()).isEmpty();
            Figures.of("load", "same-attachment-add-del")
                    .scenario(threads + " threads racing random ADD/DEL on one attachment")
                    .count((long) threads * ops, "ADD/DEL operations")
                    .lost(0, "plugin runs never overlapped; cache entry present exactly when eth0 and the IP "
                            + "reservation were; nothing left after the final DEL")
                    .fact("ADDs refused by the plugin (already attached)", failedAdds.get())
                    .write();
        }
    }

    private static void cycle(CniInvoker invoker, BridgeNetwork net, TestNetns ns, String id,
                              Map<String, String> ipOwners, ConcurrentLinkedQueue<String> problems,
                              AtomicInteger maxHeld) {
        RuntimeConf rt = net.attachment(id, ns.path());
        Result r = invoker.add(net.list, rt);
        List<String> ips = r.ips().stream().map(IpConfig::address).map(Object::toString).toList();
        if (ips.size() != 1) {
            problems.add(id + ": expected one IP, got " + ips);
        }
        for (String ip : ips) {
            String other = ipOwners.putIfAbsent(ip, id);
            if (other != null) {
                problems.add(ip + " handed to " + id + " while " + other + " held it");
            }
        }
        maxHeld.accumulateAndGet(ipOwners.size(), Math::max);
        if (invoker.cachedResult(net.list, rt).isEmpty()) {
            problems.add(id + ": no cache entry after ADD");
        }
        // Release our claim before DEL: once DEL returns, host-local may hand the IP to another thread at once.
        ips.forEach(ip -> ipOwners.remove(ip, id));
        invoker.del(net.list, rt);
        if (invoker.cachedResult(net.list, rt).isPresent()) {
            problems.add(id + ": cache entry still there after DEL");
        }
    }
}
