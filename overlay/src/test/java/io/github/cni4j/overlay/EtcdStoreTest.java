package io.github.cni4j.overlay;

import io.github.cni4j.error.CniException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EtcdStoreTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    @Test
    void sixteenHostsJoiningAtOnceGetSixteenDistinctSubnets() throws Exception {
        String net = TestEtcd.name("j");
        List<EtcdStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (EtcdStore admin = TestEtcd.store(TTL)) {
            admin.createNetwork(OverlayNetwork.of(net, "10.201.0.0/20", TestEtcd.vni()));
            for (int i = 0; i < 16; i++) {
                stores.add(TestEtcd.store(TTL));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SubnetLease>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                EtcdStore s = stores.get(i);
                String host = "h" + (i % 2 == 0 ? "a" : "b") + i; // hash starts collide often in 16 slots
                results.add(pool.submit(() -> {
                    go.await();
                    return s.lease(net, host, "192.0.2." + host.length(), "aa:bb:cc:dd:ee:01");
                }));
            }
            go.countDown();
            Set<String> subnets = new HashSet<>();
            for (Future<SubnetLease> f : results) {
                subnets.add(f.get(30, TimeUnit.SECONDS).subnet());
            }
            assertThat(subnets).hasSize(16);
            assertThat(admin.leases(net)).hasSize(16);
            assertThatThrownBy(() -> admin.lease(net, "h17", "192.0.2.17", "aa:bb:cc:dd:ee:11"))
                    .isExactlyInstanceOf(CniException.class).hasMessageContaining("10.201.0.0/20")
                    .hasMessageContaining("all 16 /24 subnets").hasMessageContaining("16 hosts");
            admin.removeNetwork(net);
            assertThat(admin.leases(net)).isEmpty();
        } finally {
            pool.shutdown();
            stores.forEach(EtcdStore::close);
        }
    }

    @Test
    void aHostThatRejoinsWithinTheTtlKeepsItsSubnet() {
        String net = TestEtcd.name("r");
        try (EtcdStore admin = TestEtcd.store(TTL)) {
            admin.createNetwork(OverlayNetwork.of(net, "10.202.0.0/16", TestEtcd.vni()));
            EtcdStore first = TestEtcd.store(TTL);
            SubnetLease before = first.lease(net, "host-a", "192.0.2.1", "aa:bb:cc:dd:ee:01");
            first.abandon(); // crash: no revoke, the etcd lease lives on for the TTL
            try (EtcdStore again = TestEtcd.store(TTL)) {
                SubnetLease after = again.lease(net, "host-a", "192.0.2.1", "aa:bb:cc:dd:ee:02");
                assertThat(after.subnet()).isEqualTo(before.subnet());
                assertThat(after.vtepMac()).isEqualTo("aa:bb:cc:dd:ee:02");
                assertThat(again.lease(net, "host-b", "192.0.2.2", "aa:bb:cc:dd:ee:03").subnet())
                        .isNotEqualTo(before.subnet());
                assertThat(admin.leases(net)).hasSize(2);
            }
            admin.removeNetwork(net);
        }
    }

    @Test
    void anExpiredLeaseIsRemovedAndWatchersSeeIt() throws Exception {
        String net = TestEtcd.name("x");
        BlockingQueue<LeaseEvent> seen = new LinkedBlockingQueue<>();
        try (EtcdStore admin = TestEtcd.store(TTL); StoreWatch w = admin.watch(seen::add)) {
            admin.createNetwork(OverlayNetwork.of(net, "10.203.0.0/16", TestEtcd.vni()));
            EtcdStore host = TestEtcd.store(Duration.ofSeconds(2));
            SubnetLease lease = host.lease(net, "host-x", "192.0.2.9", "aa:bb:cc:dd:ee:09");
            assertThat(next(seen, net, LeaseEvent.Kind.LEASE_ADDED).lease()).isEqualTo(lease);
            long stopped = System.nanoTime();
            host.abandon();
            LeaseEvent gone = next(seen, net, LeaseEvent.Kind.LEASE_REMOVED);
            assertThat(gone.lease()).isEqualTo(lease); // from the previous key-value: the peer's data survives
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(6));
            assertThat(admin.leases(net)).isEmpty();
            // the same client, its etcd lease gone, takes a fresh one and leases again
            EtcdStore late = TestEtcd.store(Duration.ofSeconds(2));
            late.lease(net, "host-y", "192.0.2.8", "aa:bb:cc:dd:ee:08");
            late.stopKeepAlive();
            Thread.sleep(3500);
            assertThat(late.lease(net, "host-y", "192.0.2.8", "aa:bb:cc:dd:ee:08").hostId()).isEqualTo("host-y");
            assertThat(admin.leases(net)).hasSize(1);
            late.close();
            admin.removeNetwork(net);
            next(seen, net, LeaseEvent.Kind.NETWORK_REMOVED);
        }
    }

    private static LeaseEvent next(BlockingQueue<LeaseEvent> q, String net, LeaseEvent.Kind kind)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (System.nanoTime() < end) {
            LeaseEvent e = q.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.network().equals(net) && e.kind() == kind) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " event for " + net + " within 8 s");
    }

    @Test
    void networksAreSharedBetweenClientsAndVniIsUnique() {
        String net = TestEtcd.name("n");
        int vni = TestEtcd.vni();
        try (EtcdStore a = TestEtcd.store(TTL); EtcdStore b = TestEtcd.store(TTL)) {
            OverlayNetwork made = a.createNetwork(OverlayNetwork.of(net, "10.204.7.0/16", vni).withHostPrefix(26)
                    .withMtu(1400).withInternal(true).withLabels(Map.of("team", "web")));
            assertThat(made.created()).isPresent();
            OverlayNetwork read = b.network(net).orElseThrow();
            assertThat(read).isEqualTo(made);
            assertThat(read.subnet()).isEqualTo("10.204.0.0/16");
            assertThat(b.networks()).contains(made);
            assertThatThrownBy(() -> b.createNetwork(OverlayNetwork.of(TestEtcd.name("o"), "10.205.0.0/16", vni)))
                    .isExactlyInstanceOf(CniException.class)
                    .hasMessage("VXLAN id " + vni + " is in use by overlay network " + net
                            + "; pick another vxlanid_list");
            assertThatThrownBy(() -> b.createNetwork(OverlayNetwork.of(net, "10.205.0.0/16", TestEtcd.vni())))
                    .hasMessageContaining("already exists");
            b.removeNetwork(net);
            assertThat(a.network(net)).isEmpty();
            assertThatThrownBy(() -> a.removeNetwork(net)).hasMessage("overlay network " + net
                    + " not found in the cluster store");
            assertThatThrownBy(() -> a.lease(net, "h", "192.0.2.1", "aa:bb:cc:dd:ee:01"))
                    .hasMessageContaining("not found");
            // the VXLAN id is free again
            a.createNetwork(OverlayNetwork.of(net, "10.205.0.0/16", vni));
            a.removeNetwork(net);
        }
    }

    @Test
    void anUnreachableEtcdIsNamedWithItsTimeout() {
        TestEtcd.endpoint();
        assertThatThrownBy(() -> EtcdStore.connect(List.of("http://127.0.0.1:1"), TTL))
                .isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("etcd unreachable at http://127.0.0.1:1").hasMessageContaining("5 s");
    }
}
