package io.github.cni4j.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.overlay.internal.DataPlane;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted agent removes kernel peers whose hosts left while it was down. */
class OverlayAgentRestartTest {
    @TempDir
    Path dir;

    @Test
    void startRemovesPeersWithoutALiveLease() throws Exception {
        String net = TestEtcd.name("stale");
        String dev = OverlayConf.vxlanDevice(net);
        RecordingDataPlane dp = new RecordingDataPlane("aa:00:00:00:00:0c");
        DataPlane.Peer stale = new DataPlane.Peer("10.211.9.0/24", InetAddress.getByName("10.211.9.0"),
                "aa:00:00:00:00:99", InetAddress.getByName("192.0.2.99"));
        dp.peers.put(dev, new ConcurrentHashMap<>());
        dp.peers.get(dev).put(stale.subnet(), stale);
        try (EtcdStore admin = TestEtcd.store(Duration.ofSeconds(30))) {
            admin.createNetwork(OverlayNetwork.of(net, "10.211.0.0/16", TestEtcd.vni()));
            try (EtcdStore other = TestEtcd.store(Duration.ofSeconds(30))) {
                SubnetLease live = other.lease(net, "host-live", "192.0.2.7", "aa:00:00:00:00:07");
                try (OverlayAgent a = OverlayAgent.builder().clusterStore(List.of(TestEtcd.endpoint()))
                        .advertiseAddress("192.0.2.3").hostId("host-c").confDir(dir.resolve("conf"))
                        .dataDir(dir.resolve("data")).dataPlane(dp).start()) {
                    assertThat(dp.calls).contains("removePeer " + dev + " 10.211.9.0/24");
                    assertThat(dp.peers(dev)).extracting(DataPlane.Peer::subnet).containsExactly(live.subnet());
                }
            } finally {
                admin.removeNetwork(net);
            }
        }
    }
}
