package io.github.cni4j.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdinBytesTest {

    private static final String PREV_040 = "{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\"}],"
            + "\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.2/24\"}],\"dns\":{}}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) throws Exception {
        return JsonTrees.MAPPER.readTree(s);
    }

    private static PluginConfig firstPlugin(String list) {
        return NetworkConfigList.fromBytes(utf8(list)).plugins().get(0);
    }

    private static ObjectNode args(String s) throws Exception {
        return (ObjectNode) json(s);
    }

    @Test
    void referenceExampleInjectsOnlyEnabledSuppliedCapabilitiesAndSortsEverything() throws Exception {
        PluginConfig plugin = firstPlugin("{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"plugins\":[{\"type\":\"a\","
                + "\"capabilities\":{\"mac\":true,\"portMappings\":false},\"x\":\"<y>&z\"}]}");
        byte[] out = StdinBytes.forAddCheckDel(plugin, "net1", "1.0.0", null,
                args("{\"mac\":\"c2:11:22:33:44:55\",\"portMappings\":[],\"bandwidth\":{\"ingressRate\":1}}"));
        assertThat(str(out)).isEqualTo("{\"capabilities\":{\"mac\":true,\"portMappings\":false},\"cniVersion\":"
                + "\"1.0.0\",\"name\":\"net1\",\"runtimeConfig\":{\"mac\":\"c2:11:22:33:44:55\"},\"type\":\"a\","
                + "\"x\":\"\\u003cy\\u003e\\u0026z\"}");
    }

    @Test
    void prevResultIsEmbeddedVerbatimWithoutRuntimeConfig() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}"));
        byte[] out = StdinBytes.forAddCheckDel(plugin, "n", "0.4.0", utf8(PREV_040), args("{}"));
        assertThat(str(out)).isEqualTo("{\"capabilities\":{\"portMappings\":true},\"cniVersion\":\"0.4.0\","
                + "\"name\":\"n\",\"prevResult\":" + PREV_040 + ",\"type\":\"portmap\"}");
    }

    @Test
    void prevResultIsSortedWhenRuntimeConfigIsInjected() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}"));
        byte[] out = StdinBytes.forAddCheckDel(plugin, "n", "0.4.0", utf8(PREV_040), args("{\"portMappings\":[]}"));
        assertThat(str(out)).isEqualTo("{\"capabilities\":{\"portMappings\":true},\"cniVersion\":\"0.4.0\","
                + "\"name\":\"n\",\"prevResult\":{\"cniVersion\":\"0.4.0\",\"dns\":{},\"interfaces\":[{\"name\":"
                + "\"eth0\"}],\"ips\":[{\"address\":\"10.0.0.2/24\",\"version\":\"4\"}]},"
                + "\"runtimeConfig\":{\"portMappings\":[]},\"type\":\"portmap\"}");
    }
}
