package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolEnvTest {

    @Test
    void containerIdIsGoCnitoolsDerivation() {
        assertThat(ToolEnv.containerId(Path.of("/var/run/netns/testing"))).isEqualTo("cnitool-77383ca0a0715733ca6f");
    }

    @Test
    void cniContainerIdOverridesTheDerivedId() {
        Path ns = Path.of("/var/run/netns/testing");
        assertThat(ToolEnv.from(java.util.Map.of("CNI_CONTAINERID", "abc123")).containerIdFor(ns)).isEqualTo("abc123");
        assertThat(ToolEnv.from(java.util.Map.of("CNI_CONTAINERID", "")).containerIdFor(ns))
                .isEqualTo("cnitool-77383ca0a0715733ca6f");
    }

    @Test
    void containerIdUsesTheCleanedAbsolutePath() {
        assertThat(ToolEnv.containerId(Path.of("/var/run/netns/../netns/./testing/")))
                .isEqualTo("cnitool-77383ca0a0715733ca6f");
        Path relative = Path.of("some-ns");
        assertThat(ToolEnv.containerId(relative))
                .isEqualTo(ToolEnv.containerId(Path.of(System.getProperty("user.dir"), "some-ns")));
    }

    @Test
    void defaultsAreGoCnitools() {
        ToolEnv env = ToolEnv.from(Map.of());
        assertThat(env.confDir()).isEqualTo(Path.of("/etc/cni/net.d"));
        assertThat(env.ifName()).isEqualTo("eth0");
        assertThat(env.cacheDir()).isEqualTo(Path.of("/var/lib/cni"));
        assertThat(env.pluginDirs()).containsExactly(Path.of("/opt/cni/bin"), Path.of("/usr/lib/cni"));
        assertThat(env.cniArgs()).isEmpty();
        assertThat(env.capArgs().isEmpty()).isTrue();
    }

    @Test
    void readsEveryVariable() {
        ToolEnv env = ToolEnv.from(Map.of("NETCONFPATH", "/tmp/conf", "CNI_PATH", "/a::/b", "CNI_IFNAME", "net1",
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=web", "CAP_ARGS", "{\"mac\":\"c2:11:22:33:44:55\"}",
                "CNI_CACHE_DIR", "/tmp/cache"));
        assertThat(env.confDir()).isEqualTo(Path.of("/tmp/conf"));
        assertThat(env.pluginDirs()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(env.ifName()).isEqualTo("net1");
        assertThat(env.cniArgs()).containsExactly(Map.entry("IgnoreUnknown", "1"), Map.entry("K8S_POD_NAME", "web"));
        assertThat(env.capArgs().get("mac").textValue()).isEqualTo("c2:11:22:33:44:55");
        assertThat(env.capArgsMap()).containsExactly(Map.entry("mac", "c2:11:22:33:44:55"));
        assertThat(env.cacheDir()).isEqualTo(Path.of("/tmp/cache"));
    }

    @Test
    void badCniArgsPairIsRejectedWithCnitoolsText() {
        for (String bad : new String[] {"K", "K=", "=V", "K=V=W", "A=1;;B=2", "A=1;"}) {
            ToolEnv env = ToolEnv.from(Map.of("CNI_ARGS", bad));
            assertThatThrownBy(env::cniArgs).isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("invalid CNI_ARGS pair \"");
        }
        assertThatThrownBy(ToolEnv.from(Map.of("CNI_ARGS", "A=1;B"))::cniArgs)
                .hasMessage("invalid CNI_ARGS pair \"B\"");
    }

    @Test
    void capArgsMustBeAJsonObject() {
        assertThatThrownBy(ToolEnv.from(Map.of("CAP_ARGS", "[1]"))::capArgs).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("invalid CAP_ARGS: expected a JSON object");
        assertThatThrownBy(ToolEnv.from(Map.of("CAP_ARGS", "{\"a\":"))::capArgs).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("invalid CAP_ARGS: ");
        assertThatThrownBy(ToolEnv.from(Map.of("CAP_ARGS", "{\"a\":[1,null]}"))::capArgsMap)
                .isInstanceOf(ToolException.class).hasMessage("invalid CAP_ARGS: null values are not supported");
    }

    @Test
    void duplicateCniArgsKeepTheirOrder() {
        assertThat(ToolEnv.from(Map.of("CNI_ARGS", "A=1;B=2;A=3")).cniArgs())
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("A", "3"));
    }
}
