package io.github.cni4j.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.CniException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayNetworksTest {
    @TempDir
    Path dir;

    @Test
    void dockerOptionsAndDefaults() {
        String a = TestEtcd.name("ona");
        String b = TestEtcd.name("onb");
        int vni = TestEtcd.vni();
        try (EtcdStore store = TestEtcd.store(Duration.ofSeconds(30))) {
            try {
                OverlayNetwork na = OverlayNetworks.create(store, a, "10.212.0.0/16", Map.of(), true, Map.of("k", "v"));
                assertThat(na.vni()).isGreaterThanOrEqualTo(OverlayNetworks.FIRST_VNI);
                assertThat(store.vnis()).contains(na.vni());
                assertThat(na.hostPrefix()).isEqualTo(24);
                assertThat(na.mtu()).isEmpty();
                assertThat(na.internal()).isTrue();
                assertThat(na.labels()).containsEntry("k", "v");
                OverlayNetwork nb = OverlayNetworks.create(store, b, "10.213.0.0/16", Map.of(OverlayNetworks.VXLAN_ID,
                        Integer.toString(vni), OverlayNetworks.MTU, "1400", OverlayNetworks.HOST_PREFIX, "26"), false,
                        Map.of());
                assertThat(store.network(b)).contains(nb);
                assertThat(nb.vni()).isEqualTo(vni);
                assertThat(nb.mtu()).hasValue(1400);
                assertThat(nb.plan().hostPrefix()).isEqualTo(26);

                assertThatThrownBy(() -> OverlayNetworks.create(store, TestEtcd.name("onc"), "10.214.0.0/16",
                        Map.of(OverlayNetworks.VXLAN_ID, Integer.toString(vni)), false, Map.of()))
                        .isExactlyInstanceOf(CniException.class)
                        .hasMessageContaining("VXLAN id " + vni + " is in use by overlay network " + b);
                assertThatThrownBy(() -> OverlayNetworks.create(store, "x", "10.214.0.0/16",
                        Map.of("com.docker.network.bridge.name", "br9", "foo", "1"), false, Map.of()))
                        .hasMessageStartingWith("unknown overlay network options com.docker.network.bridge.name, foo"
                                + " (known: ");
                assertThatThrownBy(() -> OverlayNetworks.create(store, "x", "10.214.0.0/16",
                        Map.of(OverlayNetworks.MTU, "big"), false, Map.of()))
                        .hasMessage("option com.docker.network.driver.mtu=big: expected a number in 576..65535");
                assertThatThrownBy(() -> OverlayNetworks.create(store, "x", "10.214.0.0/16",
                        Map.of(OverlayNetworks.VXLAN_ID, "5000,5001"), false, Map.of()))
                        .hasMessageContaining("one VXLAN id per network");
            } finally {
                OverlayNetworks.remove(store, a);
                OverlayNetworks.remove(store, b);
            }
            assertThat(store.network(a)).isEmpty();
            assertThatThrownBy(() -> OverlayNetworks.remove(store, a)).hasMessageContaining("not found");
        }
    }

    @Test
    void freeVniSkipsUsedIds() {
        assertThat(OverlayNetworks.freeVni(Set.of(4096, 4097, 4099), 4096)).isEqualTo(4098);
        assertThat(OverlayNetworks.freeVni(Set.of(), 4096)).isEqualTo(4096);
    }

    @Test
    void attachmentsCountAddressFilesOnly() throws Exception {
        Path ipam = Attachments.ipamDir(dir, "web").resolve("web");
        Files.createDirectories(ipam);
        Files.writeString(ipam.resolve("10.200.3.2"), "c1");
        Files.writeString(ipam.resolve("fd00::2"), "c2");
        Files.writeString(ipam.resolve("last_reserved_ip.0"), "10.200.3.2");
        Files.writeString(ipam.resolve("lock"), "");
        assertThat(Attachments.count(dir, "web")).isEqualTo(2);
        assertThat(Attachments.count(dir, "other")).isZero();
    }

    @Test
    void removeIsRefusedWhileAnAgentPublishesAttachments() throws Exception {
        String net = TestEtcd.name("onr");
        RecordingDataPlane dp = new RecordingDataPlane("aa:00:00:00:00:0d");
        try (EtcdStore admin = TestEtcd.store(Duration.ofSeconds(30))) {
            OverlayNetworks.create(admin, net, "10.215.0.0/16", Map.of(), false, Map.of());
            try (OverlayAgent agent = OverlayAgent.builder().clusterStore(List.of(TestEtcd.endpoint()))
                    .advertiseAddress("192.0.2.4").hostId("host-d").confDir(dir.resolve("conf"))
                    .dataDir(dir.resolve("data")).attachmentRefresh(Duration.ofMillis(50)).dataPlane(dp).start()) {
                String subnet = agent.leases().get(net).subnet();
                Path ipam = Attachments.ipamDir(dir.resolve("data"), net).resolve(net);
                Files.createDirectories(ipam);
                Path ip = ipam.resolve(OverlayConf.gateway(subnet.replace(".0/24", ".1/24")));
                Files.writeString(ip, "container-1");
                waitFor(() -> admin.leases(net).get(0).attachments() == 1);
                assertThatThrownBy(() -> OverlayNetworks.remove(admin, net))
                        .hasMessage("overlay network " + net + " has active endpoints on host-d (1): remove those"
                                + " containers first");
                Files.delete(ip);
                waitFor(() -> admin.leases(net).get(0).attachments() == 0);
                OverlayNetworks.remove(admin, net);
            } finally {
                if (admin.network(net).isPresent()) {
                    admin.removeNetwork(net);
                }
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!ok.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 5 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
