package io.github.cni4j;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Dns;
import io.github.cni4j.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

class CapabilityValuesTest {

    private static String json(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void portMappingUsesTheConventionNamesSorted() {
        assertThat(json(PortMapping.tcp(8080, 80).toBytes()))
                .isEqualTo("{\"containerPort\":80,\"hostPort\":8080,\"protocol\":\"tcp\"}");
        assertThat(json(PortMapping.of(53, 53, "UDP").withHostIp("10.0.0.1").toBytes()))
                .isEqualTo("{\"containerPort\":53,\"hostIP\":\"10.0.0.1\",\"hostPort\":53,\"protocol\":\"udp\"}");
    }

    @Test
    void portMappingReadsGoCniSpelling() {
        PortMapping pm = PortMapping.fromBytes(bytes(
                "{\"HostPort\":8080,\"ContainerPort\":80,\"Protocol\":\"tcp\",\"HostIP\":\"\"}"));
        assertThat(pm).isEqualTo(PortMapping.tcp(8080, 80));
        assertThat(pm.hostIp()).isEmpty();
    }

    @Test
    void portMappingRejectsBadValuesWithTheField() {
        assertThatThrownBy(() -> PortMapping.tcp(0, 80)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hostPort");
        assertThatThrownBy(() -> PortMapping.tcp(80, 80).withHostIp("localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostIp");
        assertThatThrownBy(() -> PortMapping.fromBytes(bytes("{\"hostPort\":\"80\",\"containerPort\":80}")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.jsonPointer()).contains("/hostPort"));
        assertThatThrownBy(() -> PortMapping.fromBytes(bytes("{\"hostPort\":80}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("containerPort");
        assertThatThrownBy(() -> PortMapping.fromBytes(bytes("{\"hostPort\":")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void portMappingRoundTrips() {
        Seeded.forAll(200, Gen.ints(1, 65535), Gen.ints(1, 65535), (host, container) -> {
            PortMapping pm = PortMapping.udp(host, container).withHostIp("fd00::1");
            assertThat(PortMapping.fromBytes(pm.toBytes())).isEqualTo(pm);
        });
    }

    @Test
    void bandwidthHasAllFourKeysAndChecksRateWithoutBurst() {
        assertThat(json(BandwidthLimit.ingress(1000, 100).toBytes()))
                .isEqualTo("{\"egressBurst\":0,\"egressRate\":0,\"ingressBurst\":100,\"ingressRate\":1000}");
        assertThatThrownBy(() -> BandwidthLimit.of(1000, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> BandwidthLimit.ingress((1L << 53) + 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
        assertThat(BandwidthLimit.fromBytes(bytes("{\"IngressRate\":5,\"IngressBurst\":6}")))
                .isEqualTo(BandwidthLimit.ingress(5, 6));
    }

    @Test
    void bandwidthRoundTrips() {
        Seeded.forAll(200, Gen.longs(1, 1L << 53), Gen.longs(1, 1L << 40), (rate, burst) -> {
            BandwidthLimit b = BandwidthLimit.egress(rate, burst).withIngress(rate, burst);
            assertThat(BandwidthLimit.fromBytes(b.toBytes())).isEqualTo(b);
        });
    }

    @Test
    void ipRangeOmitsAbsentKeysAndValidatesAddresses() {
        IpRange r = IpRange.of("10.22.0.0/24").withRange("10.22.0.100", "10.22.0.200").withGateway("10.22.0.1");
        assertThat(json(r.toBytes())).isEqualTo("{\"gateway\":\"10.22.0.1\",\"rangeEnd\":\"10.22.0.200\","
                + "\"rangeStart\":\"10.22.0.100\",\"subnet\":\"10.22.0.0/24\"}");
        assertThat(IpRange.fromBytes(r.toBytes())).isEqualTo(r);
        assertThat(json(IpRange.of("fd00:22::/64").toBytes())).isEqualTo("{\"subnet\":\"fd00:22::/64\"}");
        assertThatThrownBy(() -> IpRange.of("10.22.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.of("10.22.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        // Go's net.ParseIP refuses leading zeros and octets over 255; so does the one parser of config values.
        assertThatThrownBy(() -> IpRange.of("010.22.0.0/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.of("10.22.0.0/24").withGateway("10.22.0.256"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.fromBytes(bytes("{\"rangeStart\":\"10.0.0.1\"}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("subnet");
    }

    @Test
    void dnsSettingsOmitEmptyListsAndReadGoCniSpelling() {
        Dns d = Dns.builder().addNameserver("10.0.0.53").addSearch("corp.example").build();
        assertThat(json(d.toCapabilityBytes()))
                .isEqualTo("{\"searches\":[\"corp.example\"],\"servers\":[\"10.0.0.53\"]}");
        assertThat(json(d.toBuilder().domain("corp").build().toCapabilityBytes()))
                .isEqualTo(json(d.toCapabilityBytes()));
        assertThat(Dns.fromCapabilityBytes(bytes("{\"Servers\":[\"10.0.0.53\"],\"Searches\":[\"corp.example\"]}")))
                .isEqualTo(d);
        assertThatThrownBy(() -> Dns.fromCapabilityBytes(bytes("{\"servers\":[1]}")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.jsonPointer()).contains("/servers/0"));
    }

    @Test
    void networkModesRenderLikeTheNetFlag() {
        assertThat(NetworkMode.none()).hasToString("none");
        assertThat(NetworkMode.host()).hasToString("host");
        assertThat(NetworkMode.bridge()).hasToString("bridge");
        assertThat(NetworkMode.network("a", "b")).hasToString("a,b");
        assertThat(NetworkMode.network("a", "b").kind()).isEqualTo(NetworkMode.Kind.NETWORK);
        assertThat(NetworkMode.container(java.nio.file.Path.of("/var/run/netns/x")))
                .hasToString("container:/var/run/netns/x");
        assertThatThrownBy(NetworkMode::network).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkMode.network("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkMode.network("bad name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void networkModeRecordRefusesComponentsThatDoNotFitItsKind() {
        java.util.Optional<java.nio.file.Path> path = java.util.Optional.of(java.nio.file.Path.of("/run/netns/x"));
        assertThat(new NetworkMode(NetworkMode.Kind.CONTAINER, java.util.List.of(), java.util.Optional.empty(), path))
                .isEqualTo(NetworkMode.container(path.get()));
        assertThatThrownBy(() -> new NetworkMode(NetworkMode.Kind.BRIDGE, java.util.List.of("a"),
                java.util.Optional.empty(), java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no network names");
        assertThatThrownBy(() -> new NetworkMode(NetworkMode.Kind.HOST, java.util.List.of(),
                java.util.Optional.empty(), path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkMode(NetworkMode.Kind.CONTAINER, java.util.List.of(),
                java.util.Optional.empty(), java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void networkModesParseFromTheNetFlag() {
        for (String text : java.util.List.of("none", "host", "bridge", "a,b", "container:/var/run/netns/x")) {
            assertThat(NetworkMode.parse(text)).hasToString(text);
        }
        assertThat(NetworkMode.parse("frontend").networks()).containsExactly("frontend");
        assertThatThrownBy(() -> NetworkMode.parse("container:web")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NetworkMode.container(sandbox)");
        assertThatThrownBy(() -> NetworkMode.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkMode.parse("a,,b")).isInstanceOf(IllegalArgumentException.class);
    }
}
