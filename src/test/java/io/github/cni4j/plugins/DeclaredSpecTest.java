package io.github.cni4j.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declared-config mechanism: field table, JSON mapping and rules come from the accessors. */
class DeclaredSpecTest {

    private static PluginConfig config(String json) {
        return PluginConfig.fromBytes(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static String canonical(String json) {
        return new String(GoJson.encode(Fields.parseObject(json.getBytes(StandardCharsets.UTF_8), "t")),
                StandardCharsets.UTF_8);
    }

    @Test
    void readingKeepsUnknownAndNullKeysAndWritesTheSameBytes() {
        String in = "{\"type\":\"portmap\",\"name\":\"pm\",\"capabilities\":{\"portMappings\":true,\"x\":false},"
                + "\"x-vendor\":{\"b\":[1,2.5,\"c\"],\"a\":null},\"snat\":false,\"backend\":null,"
                + "\"conditionsV4\":[\"-s\",\"10.0.0.0/8\"],\"markMasqBit\":7}";
        Portmap pm = PluginSpec.from(config(in), Portmap.class);
        assertThat(pm.toJson()).isEqualTo(canonical(in));
        assertThat(pm.name()).contains("pm");
        assertThat(pm.capabilities()).containsExactly(Map.entry("portMappings", true), Map.entry("x", false));
        assertThat(pm.snat()).contains(false);
        assertThat(pm.backend()).isEmpty();
        assertThat(pm.rawField("backend")).contains("null");
        assertThat(pm.markMasqBit()).contains(7);
        assertThat(pm.conditionsV4()).containsExactly("-s", "10.0.0.0/8");
        assertThat(pm.rawField("x-vendor")).contains("{\"a\":null,\"b\":[1,2.5,\"c\"]}");
        assertThat(pm.toBuilder().build()).isEqualTo(pm);
        assertThat(pm.toBuilder().remove("x-vendor").remove("snat").build().fieldNames())
                .doesNotContain("x-vendor", "snat").contains("conditionsV4", "backend");
    }

    @Test
    void fieldSetsDeclaredKeysTypedAndRulesApplyAtBuild() {
        Portmap pm = Portmap.builder().field("markMasqBit", "5").field("x-new", "\"v\"").build();
        assertThat(pm.markMasqBit()).contains(5);
        assertThat(pm.rawField("x-new")).contains("\"v\"");
        assertThatThrownBy(() -> Portmap.builder().field("snat", "\"yes\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("snat: expected a boolean but got \"yes\"");
        assertThatThrownBy(() -> Portmap.builder().markMasqBit(32).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("markMasqBit: 32 out of range (0-31)");
        assertThatThrownBy(() -> Portmap.builder().backend("pf").build())
                .hasMessageContaining("backend: unknown value \"pf\"");
        assertThatThrownBy(() -> Portmap.builder().markMasqBit(1).externalSetMarkChain("X").build())
                .hasMessage("markMasqBit: cannot be used with externalSetMarkChain");
        assertThatThrownBy(() -> Portmap.builder().putExtraJson("snat", "true").build())
                .hasMessageContaining("snat: a declared key");
        assertThatThrownBy(() -> Portmap.builder().capability("mac", true))
                .hasMessageContaining("does not support capability \"mac\"");
    }

    @Test
    void badFilesAreConfigErrorsNamingTheKey() {
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"tuning\",\"mtu\":\"1400\"}"), Tuning.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mtu: expected an integer");
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"tuning\",\"mtu\":20}"), Tuning.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mtu: MTU 20 out of range");
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"tuning\",\"sysctl\":{\"kernel.x\":\"1\"}}"), Tuning.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sysctl/kernel.x");
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"portmap\"}"), Tuning.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a plugin of type");
    }

    @Test
    void bridgeKeepsAnUnmodeledIpamAndHoldsUnmodeledArraysAsJsonText() {
        String in = "{\"type\":\"bridge\",\"isGateway\":true,\"vlanTrunk\":[{\"minID\":100,\"maxID\":110}],"
                + "\"ipam\":{\"type\":\"whereabouts\",\"range\":\"10.0.0.0/24\"}}";
        Bridge b = PluginSpec.from(config(in), Bridge.class);
        assertThat(b.toJson()).isEqualTo(canonical(in));
        assertThat(b.isGateway()).contains(true);
        assertThat(b.ipam()).isEmpty();
        assertThat(b.vlanTrunk()).contains("[{\"maxID\":110,\"minID\":100}]");
        Bridge typed = b.toBuilder().ipam(HostLocal.builder().field("subnet", "\"10.1.0.0/24\"").build()).build();
        assertThat(typed.ipam()).isPresent();
        assertThat(typed.rawField("ipam").orElseThrow()).contains("host-local").doesNotContain("whereabouts");
        assertThatThrownBy(() -> Bridge.builder().vlanTrunk("{}").build())
                .hasMessage("vlanTrunk: expected an array but got {}");
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"bridge\",\"vlanTrunk\":7}"), Bridge.class))
                .hasMessageContaining("vlanTrunk: expected an array but got 7");
        assertThatThrownBy(() -> Bridge.builder().bridge("a/b").build()).hasMessageContaining("bridge: interface name");
        assertThat(SpecCodec.kinds(Bridge.class)).containsEntry("isGateway", Fields.Kind.BOOL)
                .containsEntry("vlanTrunk", Fields.Kind.ARRAY).containsEntry("ipam", Fields.Kind.OBJECT);
    }

    @Test
    void theFieldTableComesFromTheAccessors() {
        assertThat(SpecCodec.kinds(Portmap.class)).containsOnlyKeys("type", "name", "capabilities", "snat",
                "markMasqBit", "externalSetMarkChain", "conditionsV4", "conditionsV6", "masqAll", "backend");
        assertThat(SpecCodec.kinds(Portmap.class).get("conditionsV4")).isEqualTo(Fields.Kind.STRINGS);
        assertThat(SpecCodec.kinds(Tuning.class)).containsEntry("sysctl", Fields.Kind.OBJECT)
                .containsEntry("mtu", Fields.Kind.INT).containsEntry("promisc", Fields.Kind.BOOL);
        assertThat(SpecCodec.attributes(Tuning.class).stream().map(SpecCodec.Attr::key).toList())
                .isEqualTo(List.of("sysctl", "promisc", "txQLen", "allmulti", "mac", "mtu", "dataDir"));
    }

    @Test
    void aSharedKeyIsOneDeclarationWithOneRuleInEveryPluginThatHasIt() {
        for (Class<?> type : List.of(Bridge.class, Ptp.class, Macvlan.class, Ipvlan.class, Vlan.class, Tuning.class)) {
            assertThat(SpecCodec.attribute(type, "mtu")).as(type.getSimpleName())
                    .hasValueSatisfying(a -> assertThat(a.accessor().getDeclaringClass()).isEqualTo(CommonKeys.Mtu.class));
        }
        assertThatThrownBy(() -> Macvlan.builder().mtu(20).build()).hasMessageStartingWith("mtu: MTU 20 out of range");
        assertThatThrownBy(() -> Ptp.builder().mtu(20).ipam(Dhcp.builder().build()).build())
                .hasMessageStartingWith("mtu: MTU 20 out of range");
        assertThat(Tuning.builder().dataDir(java.nio.file.Path.of("/run/c4j")).build().dataDir()).contains("/run/c4j");
    }

    @Test
    void ipamTakesOnlyIpamPlugins() {
        assertThatThrownBy(() -> Bridge.builder().ipam(Portmap.builder().build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ipam: portmap is not an IPAM plugin (expected host-local, static or dhcp)");
        assertThat(Bridge.builder().ipam(Dhcp.builder().build()).build().ipam().map(PluginSpec::type)).contains("dhcp");
    }

    @Test
    void fromReadsAConfigAsItsOwnTypesClass() {
        PluginSpec spec = PluginSpec.from(config("{\"type\":\"vlan\",\"master\":\"eth0\",\"vlanId\":7}"),
                PluginSpec.class);
        assertThat(spec).isInstanceOf(Vlan.class);
        assertThat(((Vlan) spec).master()).contains("eth0");
        assertThatThrownBy(() -> PluginSpec.from(config("{\"type\":\"c4j-unknown\"}"), PluginSpec.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c4j-unknown");
    }
}
