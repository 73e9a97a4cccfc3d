package io.github.cni4j.plugins;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.IpRange;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NetworkManager over temp dirs with stand-in plugin files (no plugin runs here; the IT runs them). */
class NetworkManagerTest {

    @TempDir
    Path confDir;
    @TempDir
    Path pluginDir;
    @TempDir
    Path cacheDir;

    private NetworkManager nm;

    @BeforeEach
    void setUp() throws IOException {
        for (String p : List.of("bridge", "portmap", "firewall", "tuning", "host-local", "macvlan", "ipvlan")) {
            Files.write(pluginDir.resolve(p), new byte[0]);
        }
        nm = NetworkManager.builder(confDir).pluginDirs(List.of(pluginDir)).cacheDir(cacheDir).build();
    }

    private static String compact(byte[] pretty) throws IOException {
        return JsonTrees.mapper().writeValueAsString(JsonTrees.mapper().readTree(pretty));
    }

    @Test
    void defaultNetworkIsNerdctlsByteForByte() throws IOException {
        NetworkInfo def = nm.ensureDefault();
        byte[] file = Files.readAllBytes(def.file());
        assertThat(compact(file)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"name\":\"bridge\",\"nerdctlID\":"
                + "\"17f29b073143d8cd97b5bbe492bdeffec1c5fee55cc1fe2112c8b9335f8b6121\",\"nerdctlLabels\":"
                + "{\"nerdctl/default-network\":\"true\"},\"plugins\":[{\"type\":\"bridge\",\"bridge\":\"nerdctl0\","
                + "\"isGateway\":true,\"ipMasq\":true,\"hairpinMode\":true,\"ipam\":{\"ranges\":[[{\"gateway\":"
                + "\"10.4.0.1\",\"subnet\":\"10.4.0.0/24\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"type\":"
                + "\"host-local\"}},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}},{\"type\":"
                + "\"firewall\",\"ingressPolicy\":\"same-bridge\"},{\"type\":\"tuning\"}]}");
        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": "
                + "\"bridge\",\n").doesNotEndWith("\n");
        assertThat(def.file().getFileName().toString()).isEqualTo("10-bridge.conflist");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(def.file()))).isEqualTo("rw-r--r--");
        assertThat(nm.ensureDefault().file()).isEqualTo(def.file());
        assertThatThrownBy(() -> nm.remove("bridge")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot remove pre-defined network bridge");
    }

    @Test
    void createPicksTheNextFreeSubnetAndBridgeName() {
        NetworkInfo a = nm.create(NetworkSpec.builder("c4j-a").build());
        NetworkInfo b = nm.create(NetworkSpec.builder("c4j-b").build());
        assertThat(a.subnets()).containsExactly("10.4.1.0/24");
        assertThat(a.gateways()).containsExactly("10.4.1.1");
        assertThat(b.subnets()).containsExactly("10.4.2.0/24");
        assertThat(a.bridge()).contains("br-" + NetworkConfs.id("c4j-a").substring(0, 12));
        assertThat(a.plugins()).containsExactly("bridge", "portmap", "firewall", "tuning");
        assertThat(a.id()).isEqualTo(NetworkConfs.id("c4j-a"));
        assertThat(nm.list()).extracting(NetworkInfo::name).containsExactly("c4j-a", "c4j-b");
        NetworkConfigList loaded = ConfLoader.loadConfList(confDir, "c4j-a");
        assertThat(loaded.cniVersion()).isEqualTo("1.0.0");
    }

    @Test
    void dockerOptionsMapOntoTheChain() throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.fromDockerArgs(List.of("--subnet", "10.30.0.0/24", "--gateway",
                "10.30.0.254", "--ip-range", "10.30.0.128/25", "-o", "com.docker.network.bridge.name=c4jbr9",
                "-o", "com.docker.network.bridge.enable_ip_masquerade=false", "-o", "com.docker.network.driver.mtu=1400",
                "--label", "team=infra", "c4j-opts")));
        JsonNode t = JsonTrees.mapper().readTree(Files.readAllBytes(n.file()));
        JsonNode bridge = t.path("plugins").get(0);
        assertThat(bridge.path("bridge").asText()).isEqualTo("c4jbr9");
        assertThat(bridge.path("ipMasq").asBoolean(true)).isFalse();
        assertThat(bridge.path("mtu").asInt()).isEqualTo(1400);
        assertThat(bridge.path("ipam").toString()).isEqualTo("{\"ranges\":[[{\"gateway\":\"10.30.0.254\",\"ipRange\":"
                + "\"10.30.0.128/25\",\"rangeEnd\":\"10.30.0.254\",\"rangeStart\":\"10.30.0.129\",\"subnet\":"
                + "\"10.30.0.0/24\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"type\":\"host-local\"}");
        assertThat(n.labels()).containsEntry("team", "infra");
        assertThat(n.options()).containsEntry("com.docker.network.driver.mtu", "1400");
        String docker = new String(nm.inspect("c4j-opts").toDockerJson(), StandardCharsets.UTF_8);
        assertThat(docker).contains("\"Subnet\": \"10.30.0.0/24\"", "\"Gateway\": \"10.30.0.254\"",
                "\"IPRange\": \"10.30.0.128/25\"", "\"team\": \"infra\"");
    }

    @Test
    void iccOffFallsBackToSameBridgeWithOldFirewall() throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.builder("c4j-icc").option("com.docker.network.bridge.enable_icc", "false")
                .build());
        assertThat(nm.firewallSupportsIsolated()).isFalse();
        JsonNode fw = JsonTrees.mapper().readTree(Files.readAllBytes(n.file())).path("plugins").get(2);
        assertThat(fw.toString()).isEqualTo("{\"type\":\"firewall\",\"ingressPolicy\":\"same-bridge\"}");
    }

    @Test
    void macvlanAndIpvlanAreSinglePlugins() throws IOException {
        NetworkInfo m = nm.create(NetworkSpec.fromDockerArgs(List.of("-d", "macvlan", "--subnet", "10.40.0.0/24",
                "-o", "parent=c4jdummy0", "-o", "macvlan_mode=bridge", "c4j-mv")));
        JsonNode p = JsonTrees.mapper().readTree(Files.readAllBytes(m.file())).path("plugins");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path("type").asText()).isEqualTo("macvlan");
        assertThat(p.get(0).path("master").asText()).isEqualTo("c4jdummy0");
        assertThat(p.get(0).path("mode").asText()).isEqualTo("bridge");
        NetworkInfo i = nm.create(NetworkSpec.builder("c4j-iv").driver(NetworkSpec.Driver.IPVLAN)
                .addSubnet("10.41.0.0/24").option("ipvlan_mode", "l2").option("parent", "c4jdummy0").build());
        assertThat(i.driver()).isEqualTo("ipvlan");
        assertThat(i.bridge()).isEmpty();
    }

    @Test
    void refusesDuplicatesAndOverlaps() {
        nm.create(NetworkSpec.builder("c4j-one").addSubnet("10.50.0.0/16").build());
        assertThatThrownBy(() -> nm.create(NetworkSpec.builder("c4j-one").addSubnet("10.60.0.0/16").build()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("network with name c4j-one already exists");
        assertThatThrownBy(() -> nm.create(NetworkSpec.builder("c4j-two").addSubnet("10.50.3.0/24").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("subnet 10.50.3.0/24 overlaps with other one on this address space");
    }

    @Test
    void unknownFlagsAreReportedAsUnknownAndBooleanFlagsTakeNoValue() {
        assertThatThrownBy(() -> NetworkSpec.fromDockerArgs(List.of("--attachable", "--subnet", "10.5.0.0/16",
                "c4j-x"))).hasMessage("unknown flag: --attachable");
        NetworkSpec s = NetworkSpec.fromDockerArgs(List.of("--internal", "c4j-x", "--ipv6=false"));
        assertThat(s.name()).isEqualTo("c4j-x");
        assertThat(s.internal()).isTrue();
        assertThat(s.ipv6()).isFalse();
        assertThatThrownBy(() -> NetworkSpec.fromDockerArgs(List.of("c4j-x", "--subnet")))
                .hasMessage("flag needs an argument: --subnet");
    }

    @Test
    void specErrorsUseNerdctlTexts() {
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").addSubnet("10.5.0.1/16").build())
                .hasMessage("unexpected subnet \"10.5.0.1/16\", maybe you meant \"10.5.0.0/16\"?");
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").gateway("10.5.0.1").build())
                .hasMessage("cannot set gateway or ip-range without subnet, specify --subnet manually");
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").addSubnet("10.5.0.0/16").gateway("10.6.0.1").build())
                .hasMessage("no matching subnet for gateway \"10.6.0.1\"");
        assertThatThrownBy(() -> NetworkSpec.fromDockerArgs(List.of("-d", "overlay", "c4j-x")))
                .hasMessage("unsupported cni driver \"overlay\": overlay networks live in a cluster store: use"
                        + " cni4j-overlay (cnitool network create -d overlay --cluster-store ...)");
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").option("foo", "1").build())
                .hasMessage("unsupported \"bridge\" network option \"foo\"");
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").driver(NetworkSpec.Driver.MACVLAN)
                .option("macvlan_mode", "x").build()).hasMessage("unknown macvlan mode \"x\"");
        assertThatThrownBy(() -> NetworkSpec.builder("c4j-x").option("icc", "maybe").build())
                .hasMessage("icc: strconv.ParseBool: parsing \"maybe\": invalid syntax");
        assertThatThrownBy(() -> NetworkSpec.builder("x").build()).hasMessageStartingWith("name: invalid network name");
    }

    @Test
    void aTypedConfListIsCreatedAsItIsAfterTheSameChecks() throws IOException {
        ConfList list = ConfList.builder().name("c4j-typed").plugin(Macvlan.builder().master("eth0")
                .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.77.0.0/24")).build()).build());
        NetworkInfo n = nm.create(list);
        assertThat(n.file()).isEqualTo(confDir.resolve("10-c4j-typed.conflist"));
        assertThat(Files.readAllBytes(n.file())).isEqualTo(list.toPrettyBytes());
        assertThat(nm.inspect("c4j-typed").name()).isEqualTo("c4j-typed");
        assertThatThrownBy(() -> nm.create(list)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("network with name c4j-typed already exists");
        Files.delete(pluginDir.resolve("host-local"));
        assertThatThrownBy(() -> nm.create(ConfList.builder().name("c4j-typed2").plugin(Macvlan.builder()
                .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.78.0.0/24")).build()).build())))
                .is(FailureKinds.PLUGIN_NOT_FOUND).hasMessageContaining("\"host-local\"");
        assertThat(Files.exists(confDir.resolve("10-c4j-typed2.conflist"))).isFalse();
    }

    @Test
    void missingPluginIsReportedLikeNerdctl() throws IOException {
        Files.delete(pluginDir.resolve("portmap"));
        assertThatThrownBy(() -> nm.create(NetworkSpec.builder("c4j-np").build()))
                .is(FailureKinds.PLUGIN_NOT_FOUND)
                .hasMessageStartingWith("needs CNI plugin \"portmap\" to be installed in CNI_PATH (\"" + pluginDir
                        + "\"), see https://github.com/containernetworking/plugins/releases: ");
        assertThat(ConfLoader.confFiles(confDir)).isEmpty();
    }

    @Test
    void removeRefusesWhileCachedAttachmentsUseTheNetwork() throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.builder("c4j-used").addSubnet("10.70.0.0/24").build());
        Path results = Files.createDirectories(cacheDir.resolve("results"));
        Files.writeString(results.resolve("c4j-used-ctr1-eth0"), "{\"kind\":\"cniCacheV1\",\"containerId\":\"ctr1\","
                + "\"config\":\"\",\"ifName\":\"eth0\",\"networkName\":\"c4j-used\",\"result\":{\"cniVersion\":\"1.0.0\","
                + "\"ips\":[{\"address\":\"10.70.0.2/24\"}]}}");
        Files.writeString(results.resolve("garbage"), "{not json");
        assertThat(nm.inspect("c4j-used").containers()).containsEntry("ctr1", List.of("10.70.0.2/24"));
        assertThatThrownBy(() -> nm.remove("c4j-used")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("network \"c4j-used\" is in use by container \"[ctr1]\"");
        assertThat(n.file()).exists();
        nm.remove("c4j-used", true);
        assertThat(n.file()).doesNotExist();
    }

    @Test
    void inspectByIdPrefixAndForeignFiles() throws IOException {
        nm.create(NetworkSpec.builder("c4j-id").addSubnet("10.80.0.0/24").build());
        String prefix = NetworkConfs.id("c4j-id").substring(0, 12);
        assertThat(nm.inspect(prefix).name()).isEqualTo("c4j-id");
        assertThatThrownBy(() -> nm.inspect("zzz")).hasMessageStartingWith("no network found matching: zzz");
        Files.writeString(confDir.resolve("99-foreign.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"foreign\","
                + "\"plugins\":[{\"type\":\"bridge\",\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.90.0.0/24\"}}]}");
        assertThatThrownBy(() -> nm.remove("foreign"))
                .hasMessageStartingWith("foreign is managed outside nerdctl and cannot be removed");
        assertThatThrownBy(() -> nm.create(NetworkSpec.builder("c4j-ov").addSubnet("10.90.0.128/25").build()))
                .hasMessageStartingWith("subnet 10.90.0.128/25 overlaps");
    }

    @Test
    void dualStackNetworkGetsTwoRangeSetsBothDefaultRoutesAndTheIpsCapability() throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.fromDockerArgs(List.of("--ipv6", "--subnet", "10.33.0.0/24",
                "--subnet", "fd00:c4::/64", "c4j-v6")));
        JsonNode bridge = JsonTrees.mapper().readTree(Files.readAllBytes(n.file())).path("plugins").get(0);
        assertThat(bridge.path("capabilities").toString()).isEqualTo("{\"ips\":true}");
        assertThat(bridge.path("ipam").toString()).isEqualTo("{\"ranges\":[[{\"gateway\":\"10.33.0.1\",\"subnet\":"
                + "\"10.33.0.0/24\"}],[{\"gateway\":\"fd00:c4::1\",\"subnet\":\"fd00:c4::/64\"}]],\"routes\":[{\"dst\":"
                + "\"0.0.0.0/0\"},{\"dst\":\"::/0\"}],\"type\":\"host-local\"}");
        assertThat(n.gateways()).containsExactly("10.33.0.1", "fd00:c4::1");
    }

    @Test
    void internalNetworkHasNoPortmapGatewayMasqueradeOrRoutes() throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.fromDockerArgs(List.of("--internal", "--subnet", "10.34.0.0/24",
                "c4j-int")));
        assertThat(n.plugins()).containsExactly("bridge", "firewall", "tuning");
        JsonNode bridge = JsonTrees.mapper().readTree(Files.readAllBytes(n.file())).path("plugins").get(0);
        assertThat(bridge.path("isGateway").asBoolean(true)).isFalse();
        assertThat(bridge.path("ipMasq").asBoolean(true)).isFalse();
        assertThat(bridge.path("ipam").has("routes")).isFalse();
    }

    @Test
    void inspectedSpecRecreatesTheSameFile(@TempDir Path otherDir) throws IOException {
        NetworkInfo n = nm.create(NetworkSpec.fromDockerArgs(List.of("--subnet", "10.35.0.0/24", "--gateway",
                "10.35.0.254", "--ip-range", "10.35.0.64/26", "-o", "mtu=1300", "-o", "icc=false", "--label", "a=b",
                "c4j-spec")));
        NetworkSpec spec = nm.inspect("c4j-spec").spec().orElseThrow();
        assertThat(spec.subnets()).containsExactly("10.35.0.0/24");
        assertThat(spec.gateway()).contains("10.35.0.254");
        assertThat(spec.ipRange()).contains("10.35.0.64/26");
        assertThat(spec.mtu()).contains(1300);
        assertThat(spec.icc()).isFalse();
        assertThat(spec.labels()).containsEntry("a", "b");
        NetworkManager other = NetworkManager.builder(otherDir).pluginDirs(List.of(pluginDir)).cacheDir(cacheDir)
                .build();
        NetworkInfo copy = other.create(spec);
        assertThat(Files.readAllBytes(copy.file())).isEqualTo(Files.readAllBytes(n.file()));
        Files.writeString(confDir.resolve("50-odd.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"odd\","
                + "\"plugins\":[{\"type\":\"ptp\",\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.36.0.0/24\"}}]}");
        assertThat(nm.inspect("odd").spec()).isEmpty();
    }
}
