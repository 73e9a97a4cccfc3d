package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.lint.Linter;
import io.github.cni4j.lint.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoSetupTest {

    private final DemoSetup setup = DemoSetup.standard("10.90.0.0/16");

    @Test
    void everyNameTheDemoCreatesStartsWithC4j() {
        assertThat(setup.network()).startsWith("c4j");
        assertThat(setup.bridge()).startsWith("c4j").hasSizeLessThanOrEqualTo(15);
        assertThat(setup.netnsName()).startsWith("c4j-");
        assertThat(setup.netnsPath()).isEqualTo(Path.of("/run/netns/c4j-demo"));
    }

    @Test
    void filesStayInTheWorkDir() {
        assertThat(setup.confDir().startsWith(setup.workDir())).isTrue();
        assertThat(setup.cacheDir().startsWith(setup.workDir())).isTrue();
        assertThat(setup.ipamDir().startsWith(setup.workDir())).isTrue();
        assertThat(setup.confFile().getFileName().toString()).endsWith(".conf");
    }

    @Test
    void configIsTheRedisnetBridgeWithTheChosenSubnetAndLintsClean() {
        NetworkConfigList list = NetworkConfigList.of(PluginConfig.fromBytes(
                setup.config().getBytes(StandardCharsets.UTF_8), "demo"));
        assertThat(list.name()).isEqualTo("c4j-demo");
        assertThat(list.plugins()).hasSize(1);
        assertThat(list.plugins().get(0).type()).isEqualTo("bridge");
        assertThat(setup.config()).contains("\"bridge\": \"c4jdemo0\"", "\"isDefaultGateway\": true",
                "\"ipMasq\": true", "\"hairpinMode\": true", "\"subnet\": \"10.90.0.0/16\"",
                "\"dataDir\": \"/run/c4j-demo/ipam\"");
        assertThat(Linter.standard().lint(setup.config(), "10-c4j-demo.conf"))
                .noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
