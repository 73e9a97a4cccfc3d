package io.github.cni4j;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.lint.CniAssertions;
import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.Linter;
import io.github.cni4j.plugins.Bridge;
import io.github.cni4j.plugins.ConfList;
import io.github.cni4j.plugins.HostLocal;
import io.github.cni4j.plugins.NetworkInfo;
import io.github.cni4j.plugins.NetworkManager;
import io.github.cni4j.plugins.NetworkSpec;
import io.github.cni4j.plugins.Portmap;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twins of the README's examples that need no root, so that a rename in the API breaks the build rather than the
 * README. (The attach examples have twins in the fluent API's and invoker's integration tests.)
 */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream("/configs/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void loadAConflistAndReadAResult() throws IOException {
        Path file = resource("10-containerd-net.conflist");
        NetworkConfigList list = NetworkConfigList.fromFile(file);
        assertThat(list.name() + " " + list.cniVersion() + " " + list.plugins().get(0).type())
                .isEqualTo("containerd-net 0.4.0 bridge");

        NetworkConfigList byName = ConfLoader.loadConfList(dir, "containerd-net");
        assertThat(byName.plugins()).hasSize(2);

        byte[] pluginStdout = ("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\"}],"
                + "\"ips\":[{\"address\":\"10.88.0.2/16\",\"gateway\":\"10.88.0.1\",\"interface\":0}]}")
                .getBytes(StandardCharsets.UTF_8);
        Result result = Result.fromBytes(pluginStdout);
        assertThat(result.ips().get(0).address()).hasToString("10.88.0.2/16");
        Result old = result.convertTo(CniVersion.V0_2_0);
        assertThat(old.cniVersion()).isEqualTo(CniVersion.V0_2_0);
        assertThat(old.ips()).hasSize(1);
    }

    @Test
    void aBadFileNamesFileLineColumnAndPointer() throws IOException {
        Path bad = dir.resolve("10-bad.conflist");
        Files.writeString(bad, "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"bad\",\n  \"plugins\": [{\"type\": 7}]\n}\n");
        try {
            NetworkConfigList.fromFile(bad);
            throw new AssertionError("expected a ConfigException");
        } catch (ConfigException e) {
            assertThat(e.source()).contains("10-bad.conflist");
            assertThat(e.line()).contains(4);
            assertThat(e.column()).isPresent();
            assertThat(e.jsonPointer()).contains("/plugins/0/type");
        }
    }

    @Test
    void lintFindsTheTypoAndAssertionsAcceptACleanFile() throws IOException {
        Path file = dir.resolve("10-mynet.conflist");
        Files.writeString(file, "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"mynet\",\n  \"plugins\": [\n    {\n"
                + "      \"type\": \"bridge\",\n      \"bridge\": \"cni0\",\n      \"isGatway\": true,\n"
                + "      \"ipam\": {\"type\": \"host-local\", \"ranges\": [[{\"subnet\": \"10.22.0.0/24\"}]]}\n"
                + "    }\n  ]\n}\n");
        List<Diagnostic> problems = Linter.standard().lint(file);
        assertThat(problems).extracting(Diagnostic::toString).contains(file
                + ":8:7: warning CNI0100: unknown field \"isGatway\" for plugin \"bridge\"; it is passed through but not read");
        assertThat(Linter.toSarif(problems)).contains("\"version\"", "2.1.0");

        CniAssertions.assertThatConfigFile(resource("10-containerd-net.conflist")).isValid().hasNoWarnings();
    }

    @Test
    void typedPluginsAndDockerStyleNetworks() {
        NetworkConfigList net = ConfList.builder().name("web").cniVersion("1.0.0")
                .plugin(Bridge.builder().bridge("br-web").isGateway(true).ipMasq(true)
                        .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/24")).build()).build())
                .plugin(Portmap.builder().build())
                .build();
        assertThat(net.plugins()).extracting(p -> p.type()).containsExactly("bridge", "portmap");

        NetworkManager networks = NetworkManager.builder(dir).build();
        networks.create(NetworkSpec.fromDockerArgs(List.of("-d", "bridge", "--subnet", "172.22.16.0/24",
                "-o", "com.docker.network.bridge.name=br-web", "web")));
        List<NetworkInfo> all = networks.list();
        assertThat(all).extracting(NetworkInfo::name).contains("web");
        assertThat(all.stream().filter(n -> n.name().equals("web")).findFirst().orElseThrow().subnets())
                .containsExactly("172.22.16.0/24");
    }
}
