package io.github.cni4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigFileTest {

    static Path resource(String name) throws Exception {
        return Path.of(PluginConfigFileTest.class.getResource("/configs/" + name).toURI());
    }

    @Test
    void redisnetConfLoads() throws Exception {
        PluginConfig conf = PluginConfig.fromFile(resource("redisnet.conf"));
        assertThat(conf.name()).contains("redisnet");
        assertThat(conf.cniVersion()).isEqualTo("0.4.0");
        assertThat(conf.type()).isEqualTo("bridge");
        assertThat(conf.rawField("bridge")).contains("\"cni0\"");
        assertThat(conf.rawField("isDefaultGateway")).contains("true");
        assertThat(conf.rawField("forceAddress")).contains("false");
        assertThat(conf.rawField("ipMasq")).contains("true");
        assertThat(conf.rawField("hairpinMode")).contains("true");
        assertThat(conf.ipamType()).contains("host-local");
        assertThat(conf.ipam()).contains("{\"subnet\":\"10.88.0.0/16\",\"type\":\"host-local\"}");
        assertThat(conf.file()).contains(resource("redisnet.conf"));
        assertThat(conf.bytes()).isEqualTo(Files.readAllBytes(resource("redisnet.conf")));
    }

    @Test
    void redisnetUpconvertsToAOnePluginList() throws Exception {
        NetworkConfigList list = NetworkConfigList.of(PluginConfig.fromFile(resource("redisnet.conf")));
        assertThat(list.name()).isEqualTo("redisnet");
        assertThat(list.plugins()).hasSize(1);
        assertThat(new String(list.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"0.4.0\",\"name\":"
                + "\"redisnet\",\"plugins\":[{\"bridge\":\"cni0\",\"cniVersion\":\"0.4.0\",\"forceAddress\":false,"
                + "\"hairpinMode\":true,\"ipMasq\":true,\"ipam\":{\"subnet\":\"10.88.0.0/16\",\"type\":\"host-local\"},"
                + "\"isDefaultGateway\":true,\"name\":\"redisnet\",\"type\":\"bridge\"}]}");
        assertThat(list.file()).contains(resource("redisnet.conf"));
    }

    @Test
    void nameIsEmptyWhenAbsent() {
        PluginConfig conf = PluginConfig.fromBytes("{\"type\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(conf.name()).isEmpty();
        assertThat(conf.file()).isEmpty();
    }

    @Test
    void missingFileIsReportedAsLibcniDoes(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> PluginConfig.fromFile(missing));
        assertThat(e.msg()).isEqualTo("error reading " + missing + ": open " + missing + ": no such file or directory");
        assertThat(e.source()).isEqualTo(missing.toString());
    }

    @Test
    void directoryIsNotAConfig(@TempDir Path dir) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> PluginConfig.fromFile(dir));
        assertThat(e.msg()).isEqualTo("error reading " + dir + ": read " + dir + ": is a directory");
    }

    @Test
    void parseErrorsNameTheFileAndPosition(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, "{\n  \"name\": \"x\",\n  \"type\": 7\n}\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> PluginConfig.fromFile(f));
        assertThat(e.source()).isEqualTo(f.toString());
        assertThat(e.line()).contains(3);
        assertThat(e.column()).contains(11);
        assertThat(e.getMessage()).contains(f + ":3:11 at /type");
    }

    @Test
    void equalityFollowsThePluginObjectNotTheFile() throws Exception {
        PluginConfig read = PluginConfig.fromFile(resource("redisnet.conf"));
        PluginConfig parsed = PluginConfig.fromBytes(Files.readAllBytes(resource("redisnet.conf")));
        assertThat(read.file()).isPresent();
        assertThat(parsed.file()).isEmpty();
        assertThat(read).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    }

    @Test
    void equalityFollowsThePlugin() {
        PluginConfig a = PluginConfig.fromBytes("{\"type\":\"a\",\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8));
        PluginConfig b = PluginConfig.fromBytes("{\"name\":\"n\", \"type\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
