package io.github.cni4j.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigAccessTest {

    @Test
    void treesAreTheParsedDocuments() {
        NetworkConfigList list = NetworkConfigList.fromBytes(("{\"name\":\"n\",\"x\":[1],\"plugins\":[{\"type\":\"a\","
                + "\"bridge\":\"cni0\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(list.rawField("x")).contains("[1]");
        PluginConfig plugin = list.plugins().get(0);
        assertThat(ConfigAccess.tree(plugin).get("bridge").textValue()).isEqualTo("cni0");
    }

    @Test
    void listWithoutPluginsHasATreeToo() {
        NetworkConfigList list = NetworkConfigList.fromBytes("{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(list.rawField("name")).contains("\"n\"");
    }
}
