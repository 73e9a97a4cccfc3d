package io.github.cni4j.config;

import io.github.cni4j.result.Dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding rules were checked against Go libcni 1.1.2's ConfFromBytes (struct name NetConf there). */
class PluginConfigTest {

    private static PluginConfig parse(String json) {
        return PluginConfig.fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigException error(String json) {
        return catchThrowableOfType(ConfigException.class,
                () -> PluginConfig.fromBytes(json.getBytes(StandardCharsets.UTF_8), "p.conf"));
    }

    @Test
    void typedFieldsAreRead() {
        PluginConfig p = parse("{\"cniVersion\":\"1.0.0\",\"name\":\"own\",\"type\":\"bridge\",\"capabilities\":"
                + "{\"portMappings\":true,\"mac\":false},\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":"
                + "\"10.0.0.0/24\"}]]},\"dns\":{\"nameservers\":[\"10.0.0.1\"],\"domain\":\"example.org\","
                + "\"search\":[\"a\",\"b\"],\"options\":[\"ndots:2\"]}}");
        assertThat(p.type()).isEqualTo("bridge");
        assertThat(p.name()).contains("own");
        assertThat(p.cniVersion()).isEqualTo("1.0.0");
        assertThat(p.capabilities()).containsExactly(Map.entry("portMappings", true), Map.entry("mac", false));
        assertThat(p.ipamType()).contains("host-local");
        assertThat(p.ipam()).contains("{\"ranges\":[[{\"subnet\":\"10.0.0.0/24\"}]],\"type\":\"host-local\"}");
        Dns dns = p.dns().orElseThrow();
        assertThat(dns.nameservers()).containsExactly("10.0.0.1");
        assertThat(dns.domain()).contains("example.org");
        assertThat(dns.search()).containsExactly("a", "b");
        assertThat(dns.options()).containsExactly("ndots:2");
    }

    @Test
    void absentFieldsAreEmpty() {
        PluginConfig p = parse("{\"type\":\"loopback\"}");
        assertThat(p.name()).isEmpty();
        assertThat(p.cniVersion()).isEmpty();
        assertThat(p.capabilities()).isEmpty();
        assertThat(p.ipamType()).isEmpty();
        assertThat(p.ipam()).isEmpty();
        assertThat(p.dns()).isEmpty();
    }

    @Test
    void unknownFieldsAreKeptAndReadableAsJson() {
        PluginConfig p = parse("{\"type\":\"bridge\",\"bridge\":\"cni0\",\"isGateway\":true,\"mtu\":1500,"
                + "\"vlanTrunk\":[{\"id\":42}]}");
        assertThat(p.fieldNames()).containsExactly("type", "bridge", "isGateway", "mtu", "vlanTrunk");
        assertThat(p.rawField("bridge")).contains("\"cni0\"");
        assertThat(p.rawField("isGateway")).contains("true");
        assertThat(p.rawField("mtu")).contains("1500");
        assertThat(p.rawField("vlanTrunk")).contains("[{\"id\":42}]");
    }

    @Test
    void bytesAreKeptVerbatim() {
        String text = "{ \"type\" : \"a\", \"x\": \"<\" }\n";
        assertThat(new String(parse(text).bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void missingOrEmptyTypeIsRefused() {
        ConfigException e = error("{\"name\":\"x\"}");
        assertThat(e.msg()).isEqualTo("error parsing configuration: missing 'type'");
        assertThat(e.line()).contains(1);
        assertThat(error("{\"type\":\"\"}").jsonPointer()).contains("/type");
        assertThat(error("{\"type\":null}").msg()).isEqualTo("error parsing configuration: missing 'type'");
        assertThat(error("null").msg()).isEqualTo("error parsing configuration: missing 'type'");
    }

    @Test
    void wrongKindsNameFieldFoundAndExpectedType() {
        assertThat(error("{\"type\":1,\"name\":2}").msg()).isEqualTo("error parsing configuration: json: cannot "
                + "unmarshal number into Go struct field PluginConf.type of type string");
        assertThat(error("{\"type\":\"a\",\"capabilities\":{\"x\":\"y\"}}").msg()).isEqualTo("error parsing "
                + "configuration: json: cannot unmarshal string into Go struct field PluginConf.capabilities of type bool");
        assertThat(error("{\"type\":\"a\",\"prevResult\":[]}").msg()).isEqualTo("error parsing configuration: json: "
                + "cannot unmarshal array into Go struct field PluginConf.prevResult of type map[string]interface {}");
        assertThat(error("{\"type\":\"a\",\"cniVersion\":1}").msg()).endsWith("PluginConf.cniVersion of type string");
        assertThat(error("[]").msg()).isEqualTo("error parsing configuration: json: cannot unmarshal array into Go "
                + "value of type types.PluginConf");
        assertThat(error("{\"type\":\"a\",\"cni.dev/valid-attachments\":{}}").msg())
                .endsWith("PluginConf.cni.dev/valid-attachments of type []types.GCAttachment");
    }

    @Test
    void nestedWrongKindsPointAtTheValue() {
        ConfigException e = error("{\"type\":\"a\",\n \"dns\":{\"nameservers\":[\"ok\", 1]}}");
        assertThat(e.msg()).isEqualTo("error parsing configuration: json: cannot unmarshal number into Go struct "
                + "field PluginConf.dns.nameservers of type string");
        assertThat(e.jsonPointer()).contains("/dns/nameservers/1");
        assertThat(e.line()).contains(2);
        assertThat(e.column()).contains(30);
        assertThat(error("{\"type\":\"a\",\"ipam\":\"x\"}").jsonPointer()).contains("/ipam");
    }

    @Test
    void knownFieldsMatchCaseInsensitivelyAndTheLastOneWins() {
        assertThat(parse("{\"TYPE\":\"a\"}").type()).isEqualTo("a");
        assertThat(parse("{\"type\":\"a\",\"Type\":\"b\"}").type()).isEqualTo("b");
        assertThat(parse("{\"type\":\"a\",\"ipam\":{\"TYPE\":\"h\"}}").ipamType()).contains("h");
        assertThat(parse("{\"type\":\"a\",\"capabilities\":{\"x\":true},\"Capabilities\":{\"y\":false}}")
                .capabilities()).containsOnly(Map.entry("x", true), Map.entry("y", false));
    }

    @Test
    void nullsLeaveFieldsUnset() {
        PluginConfig p = parse("{\"type\":\"a\",\"name\":null,\"capabilities\":{\"x\":null,\"y\":true},\"ipam\":null,"
                + "\"dns\":{\"nameservers\":[\"1.1.1.1\",null],\"Domain\":\"d\"}}");
        assertThat(p.name()).isEmpty();
        assertThat(p.capabilities()).containsExactly(Map.entry("x", false), Map.entry("y", true));
        assertThat(p.ipamType()).isEmpty();
        assertThat(p.ipam()).contains("null");
        assertThat(p.dns().orElseThrow().nameservers()).containsExactly("1.1.1.1", "");
        assertThat(p.dns().orElseThrow().domain()).contains("d");
    }

    @Test
    void equalityIgnoresFormattingAndKeyOrder() {
        assertThat(parse("{\"type\":\"a\",\"b\":[1,2]}")).isEqualTo(parse("{ \"b\": [1.0, 2], \"type\": \"a\" }"))
                .hasSameHashCodeAs(parse("{\"b\":[1,2],\"type\":\"a\"}"))
                .isNotEqualTo(parse("{\"type\":\"a\",\"b\":[2,1]}"));
    }

    @Test
    void sourceNameAppearsInTheMessage() {
        assertThat(error("{\"type\":").getMessage()).contains("p.conf:1:9");
    }
}
