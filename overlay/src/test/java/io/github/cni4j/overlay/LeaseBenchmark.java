package io.github.cni4j.overlay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Timing harness, not a test: N simulated hosts (default 256, {@code -Dhosts=N}) join one network through C etcd
 * clients (default 16, {@code -Dclients=C}) on C threads; prints the time per join and the time from a lease's put
 * to a watcher's event. Needs CNI4J_TEST_ETCD. Run: {@code java -cp target/classes:target/test-classes:<deps>
 * io.github.cni4j.overlay.LeaseBenchmark}.
 */
public final class LeaseBenchmark {
    private LeaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.getInteger("hosts", 256);
        int clients = Integer.getInteger("clients", 16);
        String ep = System.getenv("CNI4J_TEST_ETCD");
        String net = "bench" + Long.toHexString(System.nanoTime());
        Duration ttl = Duration.ofSeconds(30);
        Map<String, Long> putAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        CountDownLatch allSeen = new CountDownLatch(hosts);
        List<EtcdStore> stores = new ArrayList<>();
        try (EtcdStore admin = EtcdStore.connect(List.of(ep), ttl);
                StoreWatch w = admin.watch(e -> {
                    if (e.network().equals(net) && e.kind() == LeaseEvent.Kind.LEASE_ADDED
                            && seenAt.putIfAbsent(e.lease().hostId(), System.nanoTime()) == null) {
                        allSeen.countDown();
                    }
                })) {
            admin.createNetwork(OverlayNetwork.of(net, "10.100.0.0/16", 1 + (int) (System.nanoTime() % 16_000_000)));
            for (int i = 0; i < clients; i++) {
                stores.add(EtcdStore.connect(List.of(ep), ttl));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long[] joinNanos = new long[hosts];
            List<Future<?>> fs = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < hosts; i++) {
                int h = i;
                EtcdStore s = stores.get(i % clients);
                fs.add(pool.submit(() -> {
                    String id = "host-" + h;
                    long t0 = System.nanoTime();
                    s.lease(net, id, "192.0.2." + (h % 250 + 1), "aa:bb:cc:00:00:01");
                    long t1 = System.nanoTime();
                    putAt.put(id, t1);
                    joinNanos[h] = t1 - t0;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            long total = System.nanoTime() - start;
            allSeen.await(60, TimeUnit.SECONDS);
            pool.shutdown();
            long[] watchNanos = putAt.entrySet().stream().filter(e -> seenAt.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, seenAt.get(e.getKey()) - e.getValue())).toArray();
            System.out.printf("hosts=%d clients=%d leases=%d total=%.0f ms (%.1f joins/s)%n", hosts, clients,
                    admin.leases(net).size(), total / 1e6, hosts / (total / 1e9));
            print("join per host", joinNanos);
            print("lease put -> watcher event", watchNanos);
            admin.removeNetwork(net);
        } finally {
            stores.forEach(EtcdStore::close);
        }
        System.exit(0);
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: n=%d median=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6,
                s[s.length - 1] / 1e6);
    }
}
