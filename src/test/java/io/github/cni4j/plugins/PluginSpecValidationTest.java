package io.github.cni4j.plugins;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.PluginConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

/** Build-time validation names the field and what was expected. */
class PluginSpecValidationTest {

    @Test
    void cidrsMustParse() {
        assertThatThrownBy(() -> IpRange.of("10.1.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subnet: invalid CIDR address: 10.1.0.0");
        assertThatThrownBy(() -> IpRange.of("10.1.0.0/33")).hasMessageContaining("subnet: invalid CIDR");
        assertThatThrownBy(() -> IpRange.of("example.com/24")).hasMessageContaining("subnet: invalid IP address");
        assertThatThrownBy(() -> Route.of("0.0.0.0/0", "fd00::1")).hasMessageStartingWith("gw: ");
    }

    @Test
    void gatewayAndRangeMustBeInsideTheSubnet() {
        assertThatThrownBy(() -> HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24").withGateway("10.2.0.1"))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ranges/0/0/gateway: 10.2.0.1 is not inside subnet 10.1.0.0/24");
        assertThatThrownBy(() -> HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24").withRangeEnd("10.1.1.9"))
                .build()).hasMessageStartingWith("ranges/0/0/rangeEnd: ");
        assertThatThrownBy(() -> HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.50")
                .withRangeEnd("10.1.0.10")).build()).hasMessageStartingWith("rangeStart: ");
    }

    @Test
    void rangesMustNotOverlap() {
        assertThatThrownBy(() -> HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24"))
                .addRangeSet(IpRange.of("10.1.0.128/25")).build())
                .hasMessage("ranges/1/0: range overlaps with ranges/0/0");
        HostLocal ok = HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24").withRangeEnd("10.1.0.127"),
                IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.128")).build();
        assertThat(ok.ranges().get(0)).hasSize(2);
        assertThatThrownBy(() -> HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24"), IpRange.of("fd00::/64"))
                .build()).hasMessageContaining("mixed address families");
    }

    @Test
    void interfaceNames() {
        assertThatThrownBy(() -> Bridge.builder().bridge("c4j-way-too-long0").build())
                .hasMessageStartingWith("bridge: interface name \"c4j-way-too-long0\" is too long");
        assertThatThrownBy(() -> Macvlan.builder().master("eth:0").build())
                .hasMessageContaining("master: interface name \"eth:0\" contains / or : or whitespace");
        assertThatThrownBy(() -> Ipvlan.builder().master("a b").build()).hasMessageStartingWith("master: ");
        assertThat(Bridge.builder().bridge("c4j456789012345").build().bridge()).contains("c4j456789012345");
    }

    @Test
    void mtuVlanAndModes() {
        assertThatThrownBy(() -> Bridge.builder().mtu(20).build()).hasMessage("mtu: MTU 20 out of range (0 or 68-65535)");
        assertThatThrownBy(() -> Bridge.builder().vlan(4095).build()).hasMessage("vlan: 4095 out of range (0-4094)");
        assertThatThrownBy(() -> Vlan.builder().master("eth0").vlanId(-1).build()).hasMessageStartingWith("vlanId: ");
        assertThatThrownBy(() -> Vlan.builder().master("eth0").build()).hasMessage("vlanId: required by the vlan plugin");
        assertThatThrownBy(() -> Macvlan.builder().mode("x").build()).hasMessageStartingWith("mode: unknown value \"x\"");
        assertThatThrownBy(() -> Firewall.builder().ingressPolicy("closed").build())
                .hasMessageStartingWith("ingressPolicy: unknown value");
        assertThatThrownBy(() -> Ptp.builder().build()).hasMessage("ipam: required by the ptp plugin");
    }

    @Test
    void bandwidthPairs() {
        assertThatThrownBy(() -> Bandwidth.builder().ingressRate(1000).build())
                .hasMessageStartingWith("ingressRate/ingressBurst: if rate is set, burst must also be set");
        assertThatThrownBy(() -> Bandwidth.builder().egressRate(1).egressBurst(8L * 0xFFFF_FFFFL).build())
                .hasMessage("egressBurst: burst cannot be more than 4GB");
    }

    @Test
    void capabilitiesMustBeSupported() {
        assertThatThrownBy(() -> Firewall.builder().capability("portMappings", true))
                .hasMessageContaining("does not support capability \"portMappings\"");
        assertThat(Bridge.builder().capability("ips", true).build().capabilities()).containsEntry("ips", true);
    }

    @Test
    void badConfigDataIsAConfigException() {
        PluginConfig pc = PluginConfig.fromBytes("{\"type\":\"bridge\",\"mtu\":\"big\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PluginSpec.from(pc, Bridge.class)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mtu: expected an integer but got \"big\"");
        PluginConfig bad = PluginConfig.fromBytes(
                "{\"type\":\"bridge\",\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"x\"}]]}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PluginSpec.from(bad, Bridge.class)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ipam/ranges/0/0/subnet: invalid CIDR address: x");
        assertThatThrownBy(() -> PluginSpec.from(pc, Portmap.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a plugin of type \"portmap\"");
    }

    @Test
    void vlanIdsInRangeBuildOutOfRangeFail() {
        Seeded.forAll(200, Gen.oneOf(Gen.ints(-5000, 10000), Gen.of(-1, 0, 4094, 4095)), id -> {
            if (id >= 0 && id <= 4094) {
                assertThat(Vlan.builder().master("eth0").vlanId(id).build().vlanId()).contains(id);
            } else {
                assertThatThrownBy(() -> Vlan.builder().master("eth0").vlanId(id).build())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vlanId: ");
            }
        });
    }
}
