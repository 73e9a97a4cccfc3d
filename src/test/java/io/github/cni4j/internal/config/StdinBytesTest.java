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
        return JsonTrees.mapper().readTree(s);
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

    /** The expected bytes of the next tests came from Go libcni 1.1.2 (ConfListFromBytes + InjectConf). */
    private static final String CAPS = "{\"mac\":\"c2:11:22:33:44:55\",\"portMappings\":[{\"hostPort\":8080,"
            + "\"containerPort\":80,\"protocol\":\"tcp\"}],\"bandwidth\":{\"ingressRate\":1e21}}";
    private static final String PREV_STRUCT_ORDER = "{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\","
            + "\"mac\":\"aa:bb:cc:dd:ee:ff\",\"sandbox\":\"/var/run/netns/x\"}],\"ips\":[{\"version\":\"4\","
            + "\"interface\":0,\"address\":\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\"}],\"routes\":[{\"dst\":"
            + "\"0.0.0.0/0\"}],\"dns\":{}}";
    private static final String TRICKY_LIST = "{\"cniVersion\":\"0.4.0\",\"name\":\"n\\u00e9t\",\"plugins\":["
            + "{\"type\":\"bridge\",\"z\\u00e9\":1,\"z\\ud83d\\ude00\":2,\"z\\uffff\":3,\"Z\":4,"
            + "\"n\":[1500,1.50,-0.0,-0,1e21,0.0000001,12345678901234567890],"
            + "\"s\":\"\\u0000\\u001f\\u2028\\u2029\\ud800<>&/\\u00e9\",\"runtimeConfig\":{\"old\":true},"
            + "\"prevResult\":{\"x\":1}},"
            + "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true,\"bandwidth\":true,\"mac\":false},"
            + "\"runtimeConfig\":{\"old\":true}}]}";

    @Test
    void numbersEscapesAndNonAsciiKeysMatchGoAndFileRuntimeConfigAndPrevResultSurvive() throws Exception {
        NetworkConfigList list = NetworkConfigList.fromBytes(utf8(TRICKY_LIST));
        byte[] out = StdinBytes.forAddCheckDel(list.plugins().get(0), list.name(), list.cniVersion(), null, args(CAPS));
        assertThat(str(out)).isEqualTo("{\"Z\":4,\"cniVersion\":\"0.4.0\",\"n\":[1500,1.5,-0,-0,1e+21,1e-7,"
                + "12345678901234567000],\"name\":\"n\u00e9t\",\"prevResult\":{\"x\":1},\"runtimeConfig\":{\"old\":true},"
                + "\"s\":\"\\u0000\\u001f\\u2028\\u2029\ufffd\\u003c\\u003e\\u0026/\u00e9\",\"type\":\"bridge\","
                + "\"z\u00e9\":1,\"z\uffff\":3,\"z\ud83d\ude00\":2}");
    }

    @Test
    void enabledCapabilitiesReplaceTheFileRuntimeConfig() throws Exception {
        NetworkConfigList list = NetworkConfigList.fromBytes(utf8(TRICKY_LIST));
        byte[] out = StdinBytes.forAddCheckDel(list.plugins().get(1), list.name(), list.cniVersion(), null, args(CAPS));
        assertThat(str(out)).isEqualTo("{\"capabilities\":{\"bandwidth\":true,\"mac\":false,\"portMappings\":true},"
                + "\"cniVersion\":\"0.4.0\",\"name\":\"n\u00e9t\",\"runtimeConfig\":{\"bandwidth\":{\"ingressRate\":"
                + "1e+21},\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080,\"protocol\":\"tcp\"}]},"
                + "\"type\":\"portmap\"}");
    }

    @Test
    void structOrderedPrevResultStaysVerbatimUnlessRuntimeConfigIsInjected() throws Exception {
        NetworkConfigList list = NetworkConfigList.fromBytes(utf8("{\"cniVersion\":\"0.4.0\",\"name\":\"net\","
                + "\"plugins\":[{\"type\":\"bridge\"},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}"));
        byte[] bridge = StdinBytes.forAddCheckDel(list.plugins().get(0), "net", "0.4.0", utf8(PREV_STRUCT_ORDER),
                args(CAPS));
        assertThat(str(bridge)).isEqualTo("{\"cniVersion\":\"0.4.0\",\"name\":\"net\",\"prevResult\":"
                + PREV_STRUCT_ORDER + ",\"type\":\"bridge\"}");
        byte[] portmap = StdinBytes.forAddCheckDel(list.plugins().get(1), "net", "0.4.0", utf8(PREV_STRUCT_ORDER),
                args(CAPS));
        assertThat(str(portmap)).isEqualTo("{\"capabilities\":{\"portMappings\":true},\"cniVersion\":\"0.4.0\","
                + "\"name\":\"net\",\"prevResult\":{\"cniVersion\":\"0.4.0\",\"dns\":{},\"interfaces\":[{\"mac\":"
                + "\"aa:bb:cc:dd:ee:ff\",\"name\":\"eth0\",\"sandbox\":\"/var/run/netns/x\"}],\"ips\":[{\"address\":"
                + "\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\",\"interface\":0,\"version\":\"4\"}],\"routes\":[{\"dst\":"
                + "\"0.0.0.0/0\"}]},\"runtimeConfig\":{\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080,"
                + "\"protocol\":\"tcp\"}]},\"type\":\"portmap\"}");
    }

    @Test
    void emptyVersionIsStillInjected() throws Exception {
        PluginConfig plugin = firstPlugin("{\"name\":\"net\",\"plugins\":[{\"type\":\"a\"}]}");
        assertThat(str(StdinBytes.forAddCheckDel(plugin, "net", "", null, args("{}"))))
                .isEqualTo("{\"cniVersion\":\"\",\"name\":\"net\",\"type\":\"a\"}");
    }

    @Test
    void injectedNameAndVersionOverrideThePluginsOwn() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\",\"name\":\"old\",\"cniVersion\":\"0.1.0\"}"));
        assertThat(str(StdinBytes.forAddCheckDel(plugin, "net", "1.1.0", null, args("{}"))))
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"type\":\"a\"}");
    }

    @Test
    void nullCapabilityValueIsPassedOnAsNull() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\",\"capabilities\":{\"mac\":true}}"));
        assertThat(str(StdinBytes.forAddCheckDel(plugin, "n", "1.0.0", null, args("{\"mac\":null}"))))
                .isEqualTo("{\"capabilities\":{\"mac\":true},\"cniVersion\":\"1.0.0\",\"name\":\"n\","
                        + "\"runtimeConfig\":{\"mac\":null},\"type\":\"a\"}");
    }

    @Test
    void gcInjectsBothAttachmentKeys() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\",\"capabilities\":{\"mac\":true}}"));
        JsonNode valid = json("[{\"containerID\":\"c1\",\"ifname\":\"eth0\"}]");
        assertThat(str(StdinBytes.forGc(plugin, "n", "1.1.0", valid))).isEqualTo("{\"capabilities\":{\"mac\":true},"
                + "\"cni.dev/attachments\":[{\"containerID\":\"c1\",\"ifname\":\"eth0\"}],\"cni.dev/valid-attachments\":"
                + "[{\"containerID\":\"c1\",\"ifname\":\"eth0\"}],\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"type\":\"a\"}");
    }

    @Test
    void gcWithoutArgumentsInjectsNoAttachmentsAndNullNodeMeansNull() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\"}"));
        assertThat(str(StdinBytes.forGc(plugin, "n", "1.1.0", null)))
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"type\":\"a\"}");
        assertThat(str(StdinBytes.forGc(plugin, "n", "1.1.0", json("null")))).isEqualTo("{\"cni.dev/attachments\":"
                + "null,\"cni.dev/valid-attachments\":null,\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"type\":\"a\"}");
    }

    @Test
    void statusInjectsOnlyNameAndVersion() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\",\"capabilities\":{\"mac\":true},"
                + "\"runtimeConfig\":{\"k\":1}}"));
        assertThat(str(StdinBytes.forStatus(plugin, "n", "1.1.0"))).isEqualTo("{\"capabilities\":{\"mac\":true},"
                + "\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"runtimeConfig\":{\"k\":1},\"type\":\"a\"}");
    }

    @Test
    void buildingStdinDoesNotChangeThePlugin() throws Exception {
        PluginConfig plugin = PluginConfig.fromBytes(utf8("{\"type\":\"a\",\"capabilities\":{\"mac\":true}}"));
        StdinBytes.forAddCheckDel(plugin, "n", "1.0.0", utf8(PREV_040), args("{\"mac\":\"x\"}"));
        assertThat(plugin.fieldNames()).containsExactly("type", "capabilities");
        assertThat(ConfigAccess.tree(plugin).has("name")).isFalse();
    }
}
