package io.github.cni4j.overlay;

import static io.github.cni4j.overlay.Shell.await;
import static io.github.cni4j.overlay.Shell.run;
import static io.github.cni4j.overlay.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.Attachment;
import io.github.cni4j.Cni;
import io.github.cni4j.overlay.internal.DataPlane.Peer;
import io.github.cni4j.overlay.internal.NetlinkDataPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three simulated hosts on one underlay, each with its own {@link OverlayAgent} (netlink data plane inside the
 * host's namespace), the test's own etcd, and one container per host attached through the core library with the
 * conflist the agent wrote: pings and TCP echo across every pair (source addresses kept), a crashed agent's
 * routes, neighbours and FDB entries vanish on the others within the lease TTL, an etcd restart is survived (a
 * fresh agent rejoins, a new ADD works, the mesh works again), and removing the network clears every host and
 * etcd. Needs root and /usr/bin/etcd; fails under CI=true without them, is skipped otherwise. Runs in ~20 s.
 */
class OverlayThreeHostsRootTest {
    private static final String NET = "c4jweb";
    private static final String VX = OverlayConf.vxlanDevice(NET);
    private static final Duration TTL = Duration.ofSeconds(4);
    private static final long SLACK_MS = 6_000;
    private static ThreeHosts hosts;
    private static LocalEtcd etcd;
    private static EtcdStore admin;

    @BeforeAll
    static void setUp() throws Exception {
        ThreeHosts.requirePrerequisites("OverlayThreeHostsRootTest");
        ThreeHosts.removeLeftovers();
        hosts = new ThreeHosts(Files.createTempDirectory("c4j-ov3-"));
        hosts.createNamespaces();
        etcd = new LocalEtcd(hosts.work());
        etcd.start();
        admin = EtcdStore.connect(List.of(etcd.endpoint()), TTL);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (hosts == null) {
            return;
        }
        try {
            hosts.close(); // detaches, stops agents, deletes namespaces
        } finally {
            if (admin != null) {
                admin.close();
            }
            if (etcd != null) {
                etcd.close();
            }
            hosts.deleteWorkDir();
        }
    }

    private OverlayAgent startAgent(int i) {
        NetlinkDataPlane plane = hosts.host(i).call(NetlinkDataPlane::new);
        hosts.planes[i] = plane;
        return OverlayAgent.builder().clusterStore(List.of(etcd.endpoint())).advertiseAddress(ThreeHosts.underlay(i))
                .hostId(ThreeHosts.hostName(i)).confDir(hosts.confDir(i)).dataDir(hosts.dataDir(i)).leaseTtl(TTL)
                .dataPlane(plane).start();
    }

    private String attach(int i) {
        Cni cni = Cni.builder().pluginDirs(Path.of("/usr/lib/cni")).confDir(hosts.confDir(i))
                .cacheDir(hosts.cacheDir(i)).build();
        hosts.cnis[i] = cni;
        Attachment a = hosts.host(i).call(() -> cni.attach(ThreeHosts.containerName(i),
                ThreeHosts.containerPath(i)).execute());
        hosts.ips[i] = a.interfaces().get("eth0").ips().get(0).address().address().getHostAddress();
        return hosts.ips[i];
    }

    private static String subnet(int i) {
        return hosts.agents[i].leases().get(NET).subnet();
    }

    private static String routes(int i) throws Exception {
        return run("ip", "-n", ThreeHosts.hostName(i), "route", "show", "dev", VX).out();
    }

    /** Waits until host i routes exactly the subnets of the given other hosts through its VXLAN device. */
    private void awaitPeers(int i, List<Integer> others, long millis) throws Exception {
        List<String> want = others.stream().map(OverlayThreeHostsRootTest::subnet).sorted().toList();
        await("host " + (i + 1) + " has peers " + want, millis, () -> {
            List<String> have = hosts.planes[i].peers(VX).stream().map(Peer::subnet).sorted().toList();
            return have.equals(want);
        });
        String r = routes(i);
        for (String s : want) {
            assertThat(r).contains(s + " via " + s.substring(0, s.indexOf('/')) + " onlink");
        }
    }

    private void checkMesh(List<Integer> members) throws Exception {
        for (int from : members) {
            for (int to : members) {
                if (from == to) {
                    continue;
                }
                String ping = hosts.ping(from, hosts.ips[to]);
                assertThat(ping).as("ping c%d -> c%d", from + 1, to + 1).contains("1 received");
                String reply = hosts.echo(from, hosts.ips[to], "hi-" + from + "-" + to);
                // ipMasq is false: the server sees the container's own address, not the host's VTEP
                assertThat(reply).isEqualTo("hi-" + from + "-" + to + " from " + hosts.ips[from]);
            }
        }
    }

    @Test
    void threeHostsMeshSurviveACrashAndAnEtcdRestartAndCleanUpOnRemove() throws Exception {
        for (int i = 0; i < 3; i++) {
            hosts.agents[i] = startAgent(i);
        }
        admin.createNetwork(OverlayNetwork.of(NET, "10.200.0.0/16", 4242));
        for (int i = 0; i < 3; i++) {
            Path conf = OverlayConf.file(hosts.confDir(i), NET);
            await("conflist on host " + (i + 1), 10_000, () -> Files.exists(conf));
            assertThat(Files.readString(conf)).contains("\"subnet\": \"" + subnet(i) + "\"", "\"ipMasq\": false");
        }
        assertThat(List.of(subnet(0), subnet(1), subnet(2))).doesNotHaveDuplicates()
                .allMatch(s -> s.startsWith("10.200.") && s.endsWith("/24"));
        for (int i = 0; i < 3; i++) {
            awaitPeers(i, ThreeHosts.others(i, List.of(0, 1, 2)), 10_000);
            String ip = attach(i);
            String prefix = subnet(i).substring(0, subnet(i).lastIndexOf('.') + 1);
            assertThat(ip).startsWith(prefix);
            hosts.startEcho(i);
        }
        checkMesh(List.of(0, 1, 2));

        // host 3's agent crashes: its lease expires and the other two drop its route, neighbour and FDB entry
        String gone = subnet(2);
        String goneVtep = gone.substring(0, gone.indexOf('/'));
        String goneMac = hosts.agents[2].leases().get(NET).vtepMac();
        hosts.agents[2].crash();
        hosts.agents[2] = null;
        long t = 0;
        for (int i = 0; i < 2; i++) {
            int h = i;
            t = Math.max(t, await("host " + (i + 1) + " drops " + gone, TTL.toMillis() + SLACK_MS,
                    () -> !routes(h).contains(gone)));
            assertThat(hosts.planes[i].peers(VX)).extracting(Peer::subnet).containsExactly(subnet(1 - i));
            assertThat(sh("ip", "-n", ThreeHosts.hostName(i), "neigh", "show", "dev", VX)).doesNotContain(goneVtep);
            assertThat(sh("bridge", "-n", ThreeHosts.hostName(i), "fdb", "show", "dev", VX)).doesNotContain(goneMac);
        }
        System.out.println("OverlayThreeHostsRootTest: crashed host dropped after " + t + " ms (TTL " + TTL + ")");
        assertThat(admin.leases(NET)).extracting(SubnetLease::hostId)
                .containsExactlyInAnyOrder(ThreeHosts.hostName(0), ThreeHosts.hostName(1));
        checkMesh(List.of(0, 1));

        // etcd restarts: the two agents keep their leases and each other; a fresh agent for host 3 rejoins
        etcd.kill();
        etcd.start();
        Thread.sleep(TTL.toMillis() + 1_000); // longer than a TTL: leases that lost their keepalive would be gone
        assertThat(admin.leases(NET)).extracting(SubnetLease::hostId)
                .containsExactlyInAnyOrder(ThreeHosts.hostName(0), ThreeHosts.hostName(1));
        hosts.planes[2].close();
        hosts.agents[2] = startAgent(2);
        for (int i = 0; i < 3; i++) {
            awaitPeers(i, ThreeHosts.others(i, List.of(0, 1, 2)), 10_000);
        }
        hosts.detach(2);
        String ip3 = attach(2); // a new ADD with host 3's (rewritten) conflist
        assertThat(ip3).startsWith(subnet(2).substring(0, subnet(2).lastIndexOf('.') + 1));
        checkMesh(List.of(0, 1, 2));

        // the network goes: devices, routes, conflists and leases vanish everywhere
        for (int i = 0; i < 3; i++) {
            hosts.detach(i);
        }
        admin.removeNetwork(NET);
        for (int i = 0; i < 3; i++) {
            int h = i;
            // the agent deletes the device, then the conflist: wait for both (and the agent's own view)
            await("host " + (i + 1) + " removes " + VX + " and its conflist", 10_000,
                    () -> run("ip", "-n", ThreeHosts.hostName(h), "link", "show", VX).rc() != 0
                            && !Files.exists(OverlayConf.file(hosts.confDir(h), NET))
                            && !hosts.agents[h].leases().containsKey(NET));
            assertThat(sh("ip", "-n", ThreeHosts.hostName(i), "route", "show")).doesNotContain(VX);
        }
        Thread.sleep(500); // no agent takes a lease again afterwards
        assertThat(admin.leases(NET)).isEmpty();
        assertThat(etcd.countKeys(EtcdStore.LEASES + NET + "/")).isZero();
        assertThat(admin.networks()).extracting(OverlayNetwork::name).doesNotContain(NET);
        String leftover = hosts.describe();
        assertThat(leftover).doesNotContain(VX);
        System.out.println("OverlayThreeHostsRootTest: " + hosts.ips.length + " containers, ips "
                + List.of(hosts.ips).stream().collect(Collectors.joining(", ")));
    }
}
