package io.github.cni4j.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.overlay.internal.DataPlane;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayAgentTest {
    @TempDir
    Path dir;

    private OverlayAgent agent(String host, String ip, DataPlane dp, Duration ttl) {
        return OverlayAgent.builder().clusterStore(List.of(TestEtcd.endpoint())).advertiseAddress(ip).hostId(host)
                .confDir(dir.resolve(host).resolve("conf")).dataDir(dir.resolve(host).resolve("data")).leaseTtl(ttl)
                .dataPlane(dp).start();
    }

    private static void eventually(BooleanSupplier ok, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 8 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void twoAgentsSeeEachOtherAndAStoppedOneIsRemoved() throws Exception {
        String net = TestEtcd.name("agentnetwork"); // longer than 12: hashed device names
        String dev = OverlayConf.vxlanDevice(net);
        assertThat(dev).hasSize(15).startsWith(net.substring(0, 7)).endsWith("-vx");
        RecordingDataPlane dpA = new RecordingDataPlane("aa:00:00:00:00:0a");
        RecordingDataPlane dpB = new RecordingDataPlane("aa:00:00:00:00:0b");
        try (EtcdStore admin = TestEtcd.store(Duration.ofSeconds(30))) {
            admin.createNetwork(OverlayNetwork.of(net, "10.210.0.0/16", TestEtcd.vni()));
            OverlayAgent a = agent("host-a", "192.0.2.1", dpA, Duration.ofSeconds(30));
            OverlayAgent b = agent("host-b", "192.0.2.2", dpB, Duration.ofSeconds(2));
            String subA = a.leases().get(net).subnet();
            String subB = b.leases().get(net).subnet();
            assertThat(subA).isNotEqualTo(subB);
            DataPlane.Vxlan vx = dpA.devices.get(dev);
            assertThat(vx.mtu()).isEqualTo(1450);
            assertThat(vx.vtepCidr()).isEqualTo(subA.replace("/24", "/32"));
            eventually(() -> dpA.peers(dev).size() == 1, "A sees B");
            assertThat(dpA.peers(dev)).containsExactly(new DataPlane.Peer(subB,
                    InetAddress.getByName(subB.replace(".0/24", ".0")), "aa:00:00:00:00:0b",
                    InetAddress.getByName("192.0.2.2")));
            assertThat(dpB.peers(dev)).containsExactly(new DataPlane.Peer(subA,
                    InetAddress.getByName(subA.replace(".0/24", ".0")), "aa:00:00:00:00:0a",
                    InetAddress.getByName("192.0.2.1")));
            String conf = Files.readString(dir.resolve("host-a/conf/cni4j-overlay-" + net + ".conflist"));
            String gw = OverlayConf.gateway(subA);
            assertThat(conf).contains("\"bridge\": \"" + OverlayConf.bridgeDevice(net) + "\"")
                    .contains("\"isGateway\": true").contains("\"ipMasq\": false").contains("\"mtu\": 1450")
                    .contains("\"subnet\": \"" + subA + "\"").contains("{\"dst\":\"10.210.0.0/16\",\"gw\":\"" + gw)
                    .contains("{\"dst\":\"0.0.0.0/0\"").contains(dir.resolve("host-a/data/ipam").toString())
                    .contains("\"type\": \"portmap\"").contains("\"type\": \"firewall\"");

            // a restart converges: same subnet, no second lease
            a.close();
            eventually(() -> dpB.peers(dev).isEmpty(), "B drops A after A's clean stop");
            a = agent("host-a", "192.0.2.1", dpA, Duration.ofSeconds(30));
            assertThat(admin.leases(net)).hasSize(2);
            eventually(() -> dpB.peers(dev).size() == 1, "B sees A again");

            // B crashes: its lease expires after 2 s and A removes the peer
            b.crash();
            eventually(() -> dpA.peers(dev).isEmpty(), "A drops crashed B after its TTL");
            assertThat(dpA.calls).contains("removePeer " + dev + " " + subB);

            admin.removeNetwork(net);
            eventually(() -> !dpA.devices.containsKey(dev), "A deletes the VXLAN device");
            eventually(() -> !Files.exists(dir.resolve("host-a/conf/cni4j-overlay-" + net + ".conflist")),
                    "A deletes the conflist");
            a.close();
        }
    }
}
