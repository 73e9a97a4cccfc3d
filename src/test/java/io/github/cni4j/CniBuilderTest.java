package io.github.cni4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniBuilderTest {

    @Test
    void aBadNetworkFileIsReportedWithoutNamingTheUnusedConfDir(@TempDir Path tmp) throws java.io.IOException {
        Path bad = Files.writeString(tmp.resolve("bad.conflist"), "{\"cniVersion\": \"1.0.0\", \"name\": ");
        Path confDir = Files.createDirectories(tmp.resolve("net.d"));
        assertThatThrownBy(() -> Cni.builder().confDir(confDir).cacheDir(tmp.resolve("cache")).networkFile(bad).build())
                .hasMessageStartingWith("cannot load the CNI networks: ")
                .hasMessageContaining(bad.toString())
                .hasMessageNotContaining("; " + confDir);
    }

    @Test
    void anUnknownDefaultNetworkIsReportedByBuildWithTheKnownNetworks(@TempDir Path tmp) throws java.io.IOException {
        Path confDir = Files.createDirectories(tmp.resolve("net.d"));
        Files.writeString(confDir.resolve("10-a.conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"a\",\"plugins\":[{\"type\":\"bridge\"}]}");
        assertThatThrownBy(() -> Cni.builder().confDir(confDir).cacheDir(tmp.resolve("cache"))
                .defaultNetwork("missing").build())
                .isInstanceOf(io.github.cni4j.error.ConfigException.class)
                .hasMessageContainingAll("defaultNetwork \"missing\"", "[\"a\"]", confDir.toString());
    }

    @Test
    void buildListsEveryInvalidSettingInOneMessage() {
        assertThatThrownBy(() -> Cni.builder()
                .pluginDirs(java.util.List.of())
                .minNetworks(-1)
                .maxConfFiles(0)
                .interfacePrefix("bad/prefix")
                .timeout(Duration.ZERO)
                .defaultHostIp("not-an-ip")
                .defaultNetwork("-x")
                .confDir(Path.of("/nonexistent"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("pluginDirs", "minNetworks", "maxConfFiles", "interface prefix",
                        "timeout", "defaultHostIp", "defaultNetwork");
    }
}
