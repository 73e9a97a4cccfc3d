package io.github.cni4j.plugins;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Route;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twins of the javadoc and docs/plugins.md examples, so a rename breaks the build. */
class PluginsDocExamplesTest {

    @Test
    void pluginSpecExample() {
        PluginSpec portmap = Portmap.builder().snat(true).build();
        assertThat(portmap.type()).isEqualTo("portmap");
        assertThat(portmap.capabilities()).containsEntry("portMappings", true);
        assertThat(portmap.toJson()).isEqualTo("{\"capabilities\":{\"portMappings\":true},\"snat\":true,"
                + "\"type\":\"portmap\"}");
        PluginConfig pc = portmap.toPluginConfig();
        assertThat(pc.type()).isEqualTo("portmap");
        Tuning t = Tuning.builder().capability("mac", true).field("x-vendor", "{\"a\":1}").build();
        assertThat(t.rawField("x-vendor")).contains("{\"a\":1}");
    }

    @Test
    void typeExamplesBuild() {
        assertThat(Bridge.builder().bridge("cni0").isGateway(true).ipMasq(true).mtu(1450)
                .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/16")).build()).build().type())
                .isEqualTo("bridge");
        assertThat(Macvlan.builder().master("eth0").mode("bridge").ipam(Dhcp.builder().build()).build().ipam()
                .map(PluginSpec::type)).contains("dhcp");
        assertThat(Ipvlan.builder().master("eth0").mode("l2").build().mode()).contains("l2");
        assertThat(Vlan.builder().master("eth0").vlanId(100).build().vlanId()).contains(100);
        assertThat(Ptp.builder().ipMasq(true).ipam(HostLocal.builder().addRangeSet(IpRange.of("10.1.1.0/24"))
                .build()).build().ipMasq()).contains(true);
        assertThat(HostDevice.builder().device("eth1").build().device()).contains("eth1");
        assertThat(Loopback.builder().build().toJson()).isEqualTo("{\"type\":\"loopback\"}");
        assertThat(Firewall.builder().backend("iptables").ingressPolicy("same-bridge").build().ingressPolicy())
                .contains("same-bridge");
        assertThat(Tuning.builder().putSysctl("net.core.somaxconn", "500").mtu(1400).build().sysctl())
                .containsEntry("net.core.somaxconn", "500");
        assertThat(Bandwidth.builder().ingressRate(1_000_000).ingressBurst(100_000).build().ingressRate())
                .contains(1_000_000L);
        assertThat(Sbr.builder().table(200).build().table()).contains(200L);
        assertThat(Flannel.builder().delegate(Bridge.builder().isDefaultGateway(true).build()).build()
                .rawField("delegate")).contains("{\"isDefaultGateway\":true,\"type\":\"bridge\"}");
        assertThat(Dhcp.builder().addProvide("host-name", "", "MY_HOSTNAME").build().type()).isEqualTo("dhcp");
        assertThat(StaticIpam.builder().addAddress("10.10.0.5/24", Optional.of("10.10.0.1"))
                .addRoute(Route.of("0.0.0.0/0")).build().addresses()).extracting(StaticIpam.Address::address)
                .containsExactly("10.10.0.5/24");
        assertThat(IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.100").withRangeEnd("10.1.0.199")
                .withGateway("10.1.0.1").rangeEnd()).contains("10.1.0.199");
        assertThat(Route.of("192.168.0.0/16", "10.1.0.254").gw().map(java.net.InetAddress::getHostAddress)).contains("10.1.0.254");
        HostLocal h = HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.10")
                .withGateway("10.1.0.1")).addRoute(Route.of("0.0.0.0/0")).dataDir(Path.of("/run/my-ipam")).build();
        assertThat(h.dataDir()).contains("/run/my-ipam");
    }

    @Test
    void confListExample() {
        NetworkConfigList list = ConfList.builder()
                .name("mynet").cniVersion("1.0.0")
                .plugin(Bridge.builder().bridge("cni0").isGateway(true).ipMasq(true)
                        .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.88.0.0/16")).build()).build())
                .plugin(Portmap.builder().build())
                .build();
        assertThat(list.name()).isEqualTo("mynet");
        assertThat(list.plugins()).extracting(PluginConfig::type).containsExactly("bridge", "portmap");
        assertThat(list.plugins().get(1).capabilities()).containsEntry("portMappings", true);
        byte[] file = ConfList.builder().name("lo").plugin(Loopback.builder().build()).toPrettyBytes();
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("{\n  \"cniVersion\": \"1.0.0\",\n"
                + "  \"name\": \"lo\",\n  \"plugins\": [\n    {\n      \"type\": \"loopback\"\n    }\n  ]\n}");
        assertThat(new String(ConfList.builder().name("lo").disableCheck(true).plugin(Loopback.builder().build())
                .toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"disableCheck\":true,"
                + "\"name\":\"lo\",\"plugins\":[{\"type\":\"loopback\"}]}");
    }

    @Test
    void networkSpecAndManagerExamples(@TempDir Path confDir, @TempDir Path plugins) throws Exception {
        NetworkSpec spec = NetworkSpec.builder("web")
                .addSubnet("10.20.0.0/24").gateway("10.20.0.1").ipRange("10.20.0.128/25")
                .option("com.docker.network.driver.mtu", "1400")
                .putLabel("team", "infra")
                .build();
        NetworkSpec same = NetworkSpec.fromDockerArgs(List.of("--subnet", "10.20.0.0/24", "-o", "mtu=1400", "web"));
        assertThat(spec.mtu()).isEqualTo(same.mtu()).contains(1400);
        assertThat(spec.subnets()).isEqualTo(same.subnets());
        NetworkSpec lan = NetworkSpec.builder("lan").driver(NetworkSpec.Driver.MACVLAN).parent("eth0")
                .addSubnet("192.168.1.0/24").build();
        assertThat(lan.parent()).contains("eth0");
        for (String p : List.of("bridge", "portmap", "firewall", "tuning", "host-local")) {
            Files.write(plugins.resolve(p), new byte[0]);
        }
        NetworkManager nm = NetworkManager.builder(confDir).pluginDirs(List.of(plugins))
                .cacheDir(confDir.resolve("cache")).build();
        NetworkInfo web = nm.create(spec);
        assertThat(web.subnets()).containsExactly("10.20.0.0/24");
        assertThat(nm.list()).hasSize(1);
        assertThat(new String(nm.inspect("web").toDockerJson(), StandardCharsets.UTF_8)).contains("\"Name\": \"web\"");
        nm.remove("web");
        assertThat(nm.list()).isEmpty();
    }
}
