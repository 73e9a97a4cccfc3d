package io.github.cni4j.plugins;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Route;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Byte-exact JSON of every typed plugin config and its round trip through {@link PluginConfig}. */
class PluginSpecGoldenTest {

    private static final HostLocal HOST_LOCAL = HostLocal.builder()
            .addRangeSet(IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.10").withRangeEnd("10.1.0.99")
                    .withGateway("10.1.0.1"))
            .addRangeSet(IpRange.of("fd00:1::/64"))
            .addRoute(Route.of("0.0.0.0/0"))
            .addRoute(Route.of("192.168.0.0/16", "10.1.0.254"))
            .dataDir(Path.of("/tmp/c4j-ipam"))
            .build();

    private static <T extends PluginSpec> void golden(T spec, String expected, Class<T> type) {
        assertThat(spec.toJson()).isEqualTo(expected);
        assertThat(new String(spec.toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        PluginConfig pc = spec.toPluginConfig();
        assertThat(pc.bytes()).isEqualTo(spec.toBytes());
        T back = PluginSpec.from(pc, type);
        assertThat(back).isEqualTo(spec);
        assertThat(back.toJson()).isEqualTo(expected);
    }

    @Test
    void hostLocal() {
        golden(HOST_LOCAL, "{\"dataDir\":\"/tmp/c4j-ipam\",\"ranges\":[[{\"gateway\":\"10.1.0.1\",\"rangeEnd\":"
                + "\"10.1.0.99\",\"rangeStart\":\"10.1.0.10\",\"subnet\":\"10.1.0.0/24\"}],[{\"subnet\":\"fd00:1::/64\"}]],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"},{\"dst\":\"192.168.0.0/16\",\"gw\":\"10.1.0.254\"}],"
                + "\"type\":\"host-local\"}", HostLocal.class);
        assertThat(HOST_LOCAL.ranges()).hasSize(2);
        assertThat(HOST_LOCAL.ranges().get(0).get(0).gateway()).contains("10.1.0.1");
        assertThat(HOST_LOCAL.routes()).containsExactly(Route.of("0.0.0.0/0"), Route.of("192.168.0.0/16", "10.1.0.254"));
        assertThat(HOST_LOCAL.supportedCapabilities()).containsExactlyInAnyOrder("ips", "ipRanges");
    }

    @Test
    void bridgeWithIpam() {
        Bridge b = Bridge.builder().bridge("c4jbr0").isGateway(true).isDefaultGateway(false).forceAddress(false)
                .ipMasq(true).mtu(1450).hairpinMode(true).promiscMode(false).vlan(0).macspoofchk(true)
                .enabledad(false).capability("mac", true).ipam(HOST_LOCAL).build();
        golden(b, "{\"bridge\":\"c4jbr0\",\"capabilities\":{\"mac\":true},\"enabledad\":false,\"forceAddress\":false,"
                + "\"hairpinMode\":true,\"ipMasq\":true,\"ipam\":" + HOST_LOCAL.toJson() + ",\"isDefaultGateway\":false,"
                + "\"isGateway\":true,\"macspoofchk\":true,\"mtu\":1450,\"promiscMode\":false,\"type\":\"bridge\",\"vlan\":0}",
                Bridge.class);
        assertThat(b.bridge()).contains("c4jbr0");
        assertThat(b.mtu()).contains(1450);
        assertThat(b.isGateway()).contains(true);
        assertThat(b.ipam()).contains(HOST_LOCAL);
        assertThat(b.capabilities()).containsEntry("mac", true);
    }

    @Test
    void staticIpam() {
        StaticIpam s = StaticIpam.builder().addAddress("10.10.0.5/24", Optional.of("10.10.0.1"))
                .addAddress("fd00::5/64", Optional.empty()).addRoute(Route.of("0.0.0.0/0"))
                .dns(List.of("10.10.0.1"), "example.org", List.of("example.org")).build();
        golden(s, "{\"addresses\":[{\"address\":\"10.10.0.5/24\",\"gateway\":\"10.10.0.1\"},{\"address\":"
                + "\"fd00::5/64\"}],\"dns\":{\"domain\":\"example.org\",\"nameservers\":[\"10.10.0.1\"],\"search\":"
                + "[\"example.org\"]},\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"type\":\"static\"}", StaticIpam.class);
        assertThat(s.addresses()).extracting(StaticIpam.Address::address).containsExactly("10.10.0.5/24", "fd00::5/64");
    }

    @Test
    void dhcp() {
        Dhcp d = Dhcp.builder().daemonSocketPath(Path.of("/run/cni/dhcp.sock"))
                .addProvide("host-name", "", "NERDCTL_CNI_DHCP_HOSTNAME").addRequest("subnet-mask", false).build();
        golden(d, "{\"daemonSocketPath\":\"/run/cni/dhcp.sock\",\"provide\":[{\"fromArg\":\"NERDCTL_CNI_DHCP_HOSTNAME\","
                + "\"option\":\"host-name\",\"value\":\"\"}],\"request\":[{\"option\":\"subnet-mask\",\"skipDefault\":false}],"
                + "\"type\":\"dhcp\"}", Dhcp.class);
    }

    @Test
    void portmap() {
        golden(Portmap.builder().build(), "{\"capabilities\":{\"portMappings\":true},\"type\":\"portmap\"}",
                Portmap.class);
        Portmap pm = Portmap.builder().snat(false).markMasqBit(13).conditionsV4(List.of("-s", "10.0.0.0/8")).build();
        golden(pm, "{\"capabilities\":{\"portMappings\":true},\"conditionsV4\":[\"-s\",\"10.0.0.0/8\"],"
                + "\"markMasqBit\":13,\"snat\":false,\"type\":\"portmap\"}", Portmap.class);
    }

    @Test
    void firewall() {
        golden(Firewall.builder().backend("iptables").iptablesAdminChainName("CNI-ADMIN").ingressPolicy("same-bridge")
                        .build(),
                "{\"backend\":\"iptables\",\"ingressPolicy\":\"same-bridge\",\"iptablesAdminChainName\":\"CNI-ADMIN\","
                        + "\"type\":\"firewall\"}", Firewall.class);
    }

    @Test
    void tuning() {
        golden(Tuning.builder().putSysctl("net.core.somaxconn", "500").mac("c2:11:22:33:44:55").promisc(true)
                        .mtu(1400).txQLen(1000).allmulti(false).dataDir(Path.of("/tmp/c4j-tuning")).build(),
                "{\"allmulti\":false,\"dataDir\":\"/tmp/c4j-tuning\",\"mac\":\"c2:11:22:33:44:55\",\"mtu\":1400,"
                        + "\"promisc\":true,\"sysctl\":{\"net.core.somaxconn\":\"500\"},\"txQLen\":1000,\"type\":\"tuning\"}",
                Tuning.class);
    }

    @Test
    void bandwidth() {
        golden(Bandwidth.builder().ingressRate(1_000_000).ingressBurst(100_000).egressRate(2_000_000)
                        .egressBurst(200_000).build(),
                "{\"capabilities\":{\"bandwidth\":true},\"egressBurst\":200000,\"egressRate\":2000000,"
                        + "\"ingressBurst\":100000,\"ingressRate\":1000000,\"type\":\"bandwidth\"}", Bandwidth.class);
    }

    @Test
    void loopback() {
        golden(Loopback.builder().build(), "{\"type\":\"loopback\"}", Loopback.class);
    }

    @Test
    void macvlanIpvlanVlanPtpHostDevice() {
        golden(Macvlan.builder().master("c4jdummy0").mode("bridge").mtu(1500).linkInContainer(false)
                        .ipam(StaticIpam.builder().addAddress("10.2.0.2/24", Optional.empty()).build()).build(),
                "{\"ipam\":{\"addresses\":[{\"address\":\"10.2.0.2/24\"}],\"type\":\"static\"},\"linkInContainer\":false,"
                        + "\"master\":\"c4jdummy0\",\"mode\":\"bridge\",\"mtu\":1500,\"type\":\"macvlan\"}", Macvlan.class);
        golden(Ipvlan.builder().master("c4jdummy0").mode("l3").build(),
                "{\"master\":\"c4jdummy0\",\"mode\":\"l3\",\"type\":\"ipvlan\"}", Ipvlan.class);
        golden(Vlan.builder().master("c4jdummy0").vlanId(100).mtu(1400).build(),
                "{\"master\":\"c4jdummy0\",\"mtu\":1400,\"type\":\"vlan\",\"vlanId\":100}", Vlan.class);
        golden(Ptp.builder().ipMasq(true).mtu(1400).ipam(HostLocal.builder().addRangeSet(IpRange.of("10.3.0.0/24"))
                        .build()).build(),
                "{\"ipMasq\":true,\"ipam\":{\"ranges\":[[{\"subnet\":\"10.3.0.0/24\"}]],\"type\":\"host-local\"},"
                        + "\"mtu\":1400,\"type\":\"ptp\"}", Ptp.class);
        golden(HostDevice.builder().device("c4jdev0").build(), "{\"device\":\"c4jdev0\",\"type\":\"host-device\"}",
                HostDevice.class);
    }

    @Test
    void sbrAndFlannel() {
        golden(Sbr.builder().table(200).build(), "{\"table\":200,\"type\":\"sbr\"}", Sbr.class);
        golden(Flannel.builder().subnetFile(Path.of("/run/flannel/subnet.env"))
                        .delegate(Bridge.builder().isDefaultGateway(true).build()).build(),
                "{\"delegate\":{\"isDefaultGateway\":true,\"type\":\"bridge\"},\"subnetFile\":\"/run/flannel/subnet.env\","
                        + "\"type\":\"flannel\"}", Flannel.class);
    }

    @Test
    void unknownFieldsSurviveTheRoundTrip() {
        PluginConfig pc = PluginConfig.fromBytes(("{\"type\":\"bridge\",\"bridge\":\"cni0\",\"x-vendor\":{\"b\":[1,2],"
                + "\"a\":\"<&>\"},\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.9.0.0/24\",\"future\":true}}")
                .getBytes(StandardCharsets.UTF_8));
        Bridge b = PluginSpec.from(pc, Bridge.class);
        assertThat(b.rawField("x-vendor")).contains("{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,2]}");
        assertThat(b.toJson()).isEqualTo("{\"bridge\":\"cni0\",\"ipam\":{\"future\":true,\"subnet\":\"10.9.0.0/24\","
                + "\"type\":\"host-local\"},\"type\":\"bridge\",\"x-vendor\":{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,2]}}");
        Bridge changed = b.toBuilder().mtu(9000).build();
        assertThat(changed.rawField("x-vendor")).isEqualTo(b.rawField("x-vendor"));
        assertThat(changed.ipam().map(PluginSpec::type)).contains("host-local");
        assertThat(((HostLocal) changed.ipam().orElseThrow()).rawField("future")).contains("true");
    }

    @Test
    void fieldSetsUntypedKeys() {
        Bridge b = Bridge.builder().field("portIsolation", "true").field("x", "{\"k\":\"v\"}").remove("x").build();
        assertThat(b.toJson()).isEqualTo("{\"portIsolation\":true,\"type\":\"bridge\"}");
        assertThat(b.portIsolation()).contains(true);
    }
}
