package io.github.cni4j.config;

import io.github.cni4j.result.Dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the javadoc and of docs/config.md, run against the shared test configs. */
class DocExamplesTest {

    @TempDir
    Path confDir;

    private Path copy(String name) throws Exception {
        return Files.copy(PluginConfigFileTest.resource(name), confDir.resolve(name));
    }

    @Test
    void pluginConfigExample() throws Exception {
        PluginConfig bridge = NetworkConfigList.fromFile(copy("10-containerd-net.conflist")).plugins().get(0);
        String type = bridge.type();
        boolean gateway = bridge.rawField("isGateway").map("true"::equals).orElse(false);
        Optional<String> ipam = bridge.ipamType();
        assertThat(type).isEqualTo("bridge");
        assertThat(gateway).isTrue();
        assertThat(ipam).contains("host-local");

        PluginConfig conf = PluginConfig.fromFile(copy("redisnet.conf"));
        assertThat(conf.name()).contains("redisnet");
        NetworkConfigList list = NetworkConfigList.of(conf);
        assertThat(list.name()).isEqualTo("redisnet");
        assertThat(list.plugins()).containsExactly(conf);
    }

    @Test
    void networkConfigListAndConfLoaderExamples() throws Exception {
        copy("10-containerd-net.conflist");
        copy("redisnet.conf");
        NetworkConfigList byName = ConfLoader.loadConfList(confDir, "containerd-net");
        assertThat(byName.plugins().get(1).capabilities()).isEqualTo(Map.of("portMappings", true));
        NetworkConfigList redis = ConfLoader.loadConfList(confDir, "redisnet");
        assertThat(redis.plugins()).extracting(PluginConfig::type).containsExactly("bridge");
        List<ConfigException> errors = new ArrayList<>();
        assertThat(ConfLoader.loadAll(confDir, errors::add)).extracting(NetworkConfigList::name)
                .containsExactly("containerd-net", "redisnet");
        assertThat(errors).isEmpty();
        assertThat(ConfLoader.loadAll(confDir)).hasSize(2);
    }

    @Test
    void dnsConfigExample() {
        PluginConfig plugin = PluginConfig.fromBytes("{\"type\":\"a\",\"dns\":{\"nameservers\":[\"10.0.0.1\"]}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> servers = plugin.dns().map(Dns::nameservers).orElse(List.of());
        assertThat(servers).containsExactly("10.0.0.1");
    }

    @Test
    void errorExampleGivesSourceLineAndColumn() throws Exception {
        Path path = Files.writeString(confDir.resolve("bad.conflist"), "{\n  \"name\": \"x\",\n  \"plugins\": [}\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> NetworkConfigList.fromFile(path));
        String line = String.format("%s:%d:%d: %s", e.source(), e.line().orElse(0), e.column().orElse(0), e.msg());
        assertThat(line).isEqualTo(path + ":3:15: error parsing configuration list: invalid character '}': "
                + "expected a value or ']'");
    }
}
