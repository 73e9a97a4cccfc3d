package io.github.cni4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    private static String conflist(String name, String type) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[{\"type\":\"" + type + "\"}]}";
    }

    private static String conf(String name, String type) {
        return "{\"cniVersion\":\"0.3.1\",\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    @Test
    void containerdConflistLoads() throws Exception {
        Path f = PluginConfigFileTest.resource("10-containerd-net.conflist");
        NetworkConfigList l = NetworkConfigList.fromFile(f);
        assertThat(l.name()).isEqualTo("containerd-net");
        assertThat(l.cniVersion()).isEqualTo("0.4.0");
        assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge", "portmap");
        PluginConfig bridge = l.plugins().get(0);
        assertThat(bridge.rawField("bridge")).contains("\"cni0\"");
        assertThat(bridge.rawField("isGateway")).contains("true");
        assertThat(bridge.rawField("ipMasq")).contains("true");
        assertThat(bridge.rawField("promiscMode")).contains("true");
        assertThat(bridge.ipamType()).contains("host-local");
        assertThat(bridge.ipam()).contains("{\"ranges\":[[{\"subnet\":\"10.88.0.0/16\"}],[{\"subnet\":"
                + "\"2001:4860:4860::/64\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"},{\"dst\":\"::/0\"}],"
                + "\"type\":\"host-local\"}");
        assertThat(l.plugins().get(1).capabilities()).containsExactly(Map.entry("portMappings", true));
        assertThat(l.file()).contains(f);
    }

    @Test
    void confFilesListsExactExtensionsSortedWithoutDirectories() throws Exception {
        write("b.conflist", "{}");
        write("a.conf", "{}");
        write("c.json", "{}");
        write("d.CONF", "{}");
        write("e.conf.bak", "{}");
        write("notes.txt", "{}");
        Files.createDirectories(dir.resolve("dir.conf"));
        write(".conf", "{}");
        assertThat(ConfLoader.confFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly(".conf", "a.conf", "b.conflist", "c.json");
    }

    @Test
    void confFilesOfAMissingDirectoryIsEmpty() {
        assertThat(ConfLoader.confFiles(dir.resolve("missing"))).isEmpty();
        assertThat(ConfLoader.loadAll(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void confFilesOfARegularFileFails() throws Exception {
        Path f = write("x.conf", "{}");
        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfLoader.confFiles(f)).source())
                .isEqualTo(f.toString());
    }

    @Test
    void conflistsWinOverSingleConfs() throws Exception {
        write("00-a.conf", conf("net", "single"));
        write("50-b.conflist", conflist("net", "listed"));
        assertThat(ConfLoader.loadConfList(dir, "net").plugins().get(0).type()).isEqualTo("listed");
    }

    @Test
    void firstMatchingConflistInSortedOrderWins() throws Exception {
        write("20.conflist", conflist("net", "second"));
        write("10.conflist", conflist("net", "first"));
        assertThat(ConfLoader.loadConfList(dir, "net").plugins().get(0).type()).isEqualTo("first");
    }

    @Test
    void aBrokenEarlierConflistAbortsTheLookup() throws Exception {
        Path bad = write("10-bad.conflist", "{\"name\":");
        write("20-good.conflist", conflist("net", "a"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadConfList(dir, "net"));
        assertThat(e.source()).isEqualTo(bad.toString());
        assertThat(e.msg()).startsWith("error parsing configuration list: unexpected end of JSON input");
    }

    @Test
    void singleConfIsUpconvertedWhenNoConflistMatches() throws Exception {
        write("10.conflist", conflist("other", "a"));
        write("20.json", conf("net", "bridge"));
        NetworkConfigList l = ConfLoader.loadConfList(dir, "net");
        assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge");
        assertThat(new String(l.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"0.3.1\",\"name\":"
                + "\"net\",\"plugins\":[{\"cniVersion\":\"0.3.1\",\"name\":\"net\",\"type\":\"bridge\"}]}");
    }

    @Test
    void pluginDirectoryConfsAreAppendedSortedAndKeptOutOfTheBytes() throws Exception {
        String text = conflist("net", "bridge");
        write("10.conflist", text);
        write("net/20-b.conf", "{\"type\":\"tuning\"}");
        write("net/10-a.conf", "{\"type\":\"portmap\"}");
        write("net/30-c.json", "{\"type\":\"ignored\"}");
        NetworkConfigList l = ConfLoader.loadConfList(dir, "net");
        assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge", "portmap", "tuning");
        assertThat(new String(l.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(new String(l.plugins().get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"portmap\"}");
    }

    @Test
    void onlyInlinedPluginsSkipsThePluginDirectory() throws Exception {
        write("10.conflist", "{\"name\":\"net\",\"loadOnlyInlinedPlugins\":true,\"plugins\":[{\"type\":\"a\"}]}");
        write("net/10.conf", "{\"type\":\"b\"}");
        assertThat(ConfLoader.loadConfList(dir, "net").plugins()).extracting(PluginConfig::type).containsExactly("a");
    }

    @Test
    void listWithoutPluginsTakesThemFromThePluginDirectory() throws Exception {
        write("10.conflist", "{\"name\":\"net\"}");
        write("net/10.conf", "{\"type\":\"b\"}");
        assertThat(ConfLoader.loadConfList(dir, "net").plugins()).extracting(PluginConfig::type).containsExactly("b");
    }

    @Test
    void listWithNoPluginsAnywhereFails() throws Exception {
        Path f = write("10.conflist", "{\"name\":\"net\"}");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> NetworkConfigList.fromFile(f));
        assertThat(e.msg()).isEqualTo("no plugin configs found");
        assertThat(e.source()).isEqualTo(f.toString());
    }

    @Test
    void badPluginDirectoryConfNamesItsFile() throws Exception {
        write("10.conflist", conflist("net", "a"));
        Path bad = write("net/10.conf", "{\"name\":\"x\"}");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadConfList(dir, "net"));
        assertThat(e.msg()).isEqualTo("error parsing configuration: missing 'type'");
        assertThat(e.source()).isEqualTo(bad.toString());
    }

    @Test
    void unknownNameIsNotFound() throws Exception {
        write("10.conflist", conflist("a", "x"));
        write("20.conf", conf("b", "y"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadConfList(dir, "zzz"));
        assertThat(e.msg()).isEqualTo("no net configuration with name \"zzz\" in " + dir);
        assertThat(e.code()).isEqualTo(7);
    }

    @Test
    void onlyConflistsAndNoMatchIsNotFound() throws Exception {
        write("10.conflist", conflist("a", "x"));
        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadConfList(dir, "zzz")).msg())
                .isEqualTo("no net configuration with name \"zzz\" in " + dir);
    }

    @Test
    void emptyDirectoryHasNoConfigurations() {
        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadConfList(dir, "x")).msg())
                .isEqualTo("no net configurations found in " + dir);
    }

    @Test
    void loadAllReadsEveryNetworkInFileOrder() throws Exception {
        write("30.conf", conf("c", "z"));
        write("10.conflist", conflist("a", "x"));
        write("20.json", conf("b", "y"));
        List<NetworkConfigList> all = ConfLoader.loadAll(dir);
        assertThat(all).extracting(NetworkConfigList::name).containsExactly("a", "b", "c");
    }

    @Test
    void loadAllFailsOnTheFirstBadFileUnlessGivenAnErrorHandler() throws Exception {
        write("10.conflist", conflist("a", "x"));
        Path bad = write("20.conf", "{\"name\":\"b\"}");
        write("30.conf", conf("c", "z"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfLoader.loadAll(dir));
        assertThat(e.source()).isEqualTo(bad.toString());
        List<ConfigException> errors = new ArrayList<>();
        assertThat(ConfLoader.loadAll(dir, errors::add)).extracting(NetworkConfigList::name).containsExactly("a", "c");
        assertThat(errors).singleElement().satisfies(err -> {
            assertThat(err.source()).isEqualTo(bad.toString());
            assertThat(err.msg()).isEqualTo("error parsing configuration: missing 'type'");
        });
    }
}
