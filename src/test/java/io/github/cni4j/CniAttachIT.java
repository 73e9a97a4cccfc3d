package io.github.cni4j;

import io.github.cni4j.error.PluginException;

import io.github.cni4j.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import io.github.cni4j.testing.TestNetns;
import io.github.cni4j.result.IpConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class CniAttachIT {

    @TempDir
    Path tmp;

    private FluentFixture fx;
    private TestNetns ns;

    @BeforeEach
    void setUp() {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "loopback");
        fx = new FluentFixture(tmp);
        ns = TestNetns.create();
    }

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void twoBridgeNetworksGetEth0AndEth1AndDetachRemovesBoth() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        FluentFixture.Net b = fx.bridgeNetwork("20-b.conflist");
        Cni cni = fx.builder().maxConfFiles(2).build();
        String id = TestNames.containerId();

        Attachment att = cni.attach(id, ns.path()).execute();

        assertThat(att.networks()).extracting(Attachment.Network::name)
                .containsExactly("cni-loopback", a.name(), b.name());
        IpConfig eth0 = att.interfaces().get("eth0").ips().get(0);
        IpConfig eth1 = att.interfaces().get("eth1").ips().get(0);
        assertThat(eth0.address().toString()).startsWith(a.subnetPrefix()).endsWith("/24");
        assertThat(eth1.address().toString()).startsWith(b.subnetPrefix());
        assertThat(eth0.gateway().map(InetAddress::getHostAddress)).contains(a.gateway());
        assertThat(FluentFixture.addrOf(ns.name(), "eth0")).contains(eth0.address().toString());
        assertThat(FluentFixture.addrOf(ns.name(), "eth1")).contains(eth1.address().toString());
        assertThat(fx.cacheEntries()).hasSize(3);
        cni.check(id, ns.path());

        cni.detach(id, ns.path());

        assertThat(FluentFixture.linksIn(ns.name())).doesNotContain("eth0", "eth1");
        assertThat(FluentFixture.linksOf(a.bridge())).isEmpty();
        assertThat(FluentFixture.linksOf(b.bridge())).isEmpty();
        assertThat(fx.cacheEntries()).isEmpty();
        assertThat(fx.reservations()).isEmpty();
        cni.detach(id, ns.path()); // idempotent
    }

    @Test
    void connectAThirdNetworkWithAStaticAddressAndDisconnectItAlone() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        FluentFixture.Net b = fx.bridgeNetwork("20-b.conflist");
        FluentFixture.Net c = fx.bridgeNetwork("30-c.conflist");
        Cni cni = fx.builder().maxConfFiles(2).build();
        String id = TestNames.containerId();
        cni.attach(id, ns.path()).execute();

        // An invalid interface name is refused once, where libcni refuses it: at ADD, before any plugin runs.
        assertThatThrownBy(() -> cni.connect(id, ns.path(), c.name()).ifName("a/b").execute())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessageContaining("interface name contains / or : or whitespace characters");
        // Nothing of it was cached: the connect below still gets eth2 as the next free interface.

        String wanted = c.subnetPrefix() + "77/24";
        Attachment extra = cni.connect(id, ns.path(), c.name()).ips(wanted).execute();

        assertThat(extra.interfaces().keySet()).containsExactly("eth2");
        assertThat(extra.interfaces().get("eth2").ips().get(0).address()).hasToString(wanted);
        assertThat(FluentFixture.addrOf(ns.name(), "eth2")).contains(wanted);

        assertThat(cni.disconnect(id, ns.path(), c.name())).isTrue();

        String links = FluentFixture.linksIn(ns.name());
        assertThat(links).contains("eth0", "eth1").doesNotContain("eth2");
        assertThat(FluentFixture.linksOf(c.bridge())).isEmpty();
        assertThat(fx.reservations()).noneMatch(r -> r.startsWith(c.name() + "/"));
        assertThat(fx.reservations()).anyMatch(r -> r.startsWith(a.name() + "/"))
                .anyMatch(r -> r.startsWith(b.name() + "/"));

        cni.detach(id, ns.path());
        assertThat(fx.reservations()).isEmpty();
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void failureOfTheSecondNetworkRollsBackTheFirst() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        String failing = fx.failingPlugin();
        FluentFixture.Net b = fx.bridgeNetwork("20-b.conflist", "{\"type\":\"" + failing + "\"}");
        Cni cni = fx.builder().maxConfFiles(2).build();
        String id = TestNames.containerId();

        assertThatThrownBy(() -> cni.attach(id, ns.path()).execute())
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(7);
                    assertThat(e.pluginType()).isEqualTo(failing);
                    assertThat(e.msg()).contains("network \"" + b.name() + "\" (eth1)", "c4j-fail refuses ADD",
                            "rolled back", "network \"" + a.name() + "\" (eth0)");
                });

        assertThat(FluentFixture.linksIn(ns.name())).doesNotContain("eth0", "eth1");
        assertThat(FluentFixture.linksOf(a.bridge())).isEmpty();
        assertThat(FluentFixture.linksOf(b.bridge())).isEmpty();
        assertThat(fx.reservations()).isEmpty();
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void unknownNetworkOnConnectIsAConfigError() {
        fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        assertThatThrownBy(() -> cni.connect(TestNames.containerId(), ns.path(), "c4j-missing").execute())
                .isInstanceOf(ConfigException.class).hasMessageContaining("no net configuration with name");
        assertThat(List.of(fx.cacheEntries(), fx.reservations())).allMatch(List::isEmpty);
    }

    @Test
    void gcRemovesTheAttachmentsOfContainersThatAreGone() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().loopback(false).build();
        cni.status();
        String live = TestNames.containerId();
        String gone = TestNames.containerId();
        try (TestNetns other = TestNetns.create()) {
            cni.attach(live, ns.path()).execute();
            cni.attach(gone, other.path()).execute();
            assertThat(fx.reservations()).hasSize(2);

            cni.gc(java.util.Set.of(live));

            assertThat(fx.cacheEntries()).containsExactly(a.name() + "-" + live + "-eth0");
            assertThat(fx.reservations()).hasSize(1);
            assertThat(FluentFixture.linksIn(other.name())).doesNotContain("eth0");
            assertThat(FluentFixture.linksIn(ns.name())).contains("eth0");
        }
        cni.detach(live, ns.path());
        assertThat(fx.reservations()).isEmpty();
    }
}
