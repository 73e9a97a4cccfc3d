package io.github.cni4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CniBuilderTest {

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
