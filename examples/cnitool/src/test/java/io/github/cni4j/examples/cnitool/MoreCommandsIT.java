package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gc, status, version, validate and ls through the launcher, on the real plugins. */
@Tag("integration")
class MoreCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private TestNetwork net;

    @BeforeEach
    void setUp() throws Exception {
        ItPrerequisites.requireRootAndPlugins("bridge", "host-local");
        net = new TestNetwork(tmp, "1.0.0");
    }

    @AfterEach
    void cleanUp() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void gcReleasesEveryAttachmentButTheValidOnes() {
        String keep = net.netns();
        String drop = net.netns();
        for (String ns : new String[] {keep, drop}) {
            Run add = Launcher.cnitool(net.env, "add", net.network, ns);
            assertThat(add.status()).as(add.toString()).isZero();
        }
        Run gc = Launcher.cnitool(net.env, "gc", net.network, "--valid", keep);
        assertThat(gc.status()).as(gc.toString()).isZero();
        assertThat(net.cachedResult(keep, "eth0")).exists();
        assertThat(net.cachedResult(drop, "eth0")).doesNotExist();

        // Go's cnitool form: a netns argument (ignored) and no valid attachments, so everything goes.
        Run all = Launcher.cnitool(net.env, "gc", net.network, keep);
        assertThat(all.status()).as(all.toString()).isZero();
        assertThat(net.cachedResult(keep, "eth0")).doesNotExist();
        assertThat(net.reservation(2)).doesNotExist();
        assertThat(net.reservation(3)).doesNotExist();
    }

    @Test
    void statusOfAReadyNetworkPrintsNothing() {
        Run run = Launcher.cnitool(net.env, "status", net.network);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void versionOfAPluginIsItsVersionAnswer() throws Exception {
        Run run = Launcher.cnitool(net.env, "version", "bridge");
        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode info = JSON.readTree(run.out());
        assertThat(info.get("supportedVersions").toString()).contains("\"0.4.0\"", "\"1.0.0\"");
        Run missing = Launcher.cnitool(net.env, "version", "c4j-no-such-plugin");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("failed to find plugin \"c4j-no-such-plugin\"")
                .doesNotContain("Exception");
    }

    @Test
    void validateChecksTheNetworkAgainstItsPlugins() throws Exception {
        Run ok = Launcher.cnitool(net.env, "validate", net.network);
        assertThat(ok.status()).as(ok.toString()).isZero();
        Launcher.write(net.confDir.resolve("20-c4j-future.conflist"), """
                {"cniVersion": "0.4.0", "name": "c4jnet-old", "plugins": [{"type": "c4j-no-such-plugin"}]}
                """);
        Run bad = Launcher.cnitool(net.env, "validate", "c4jnet-old");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.err()).contains("c4j-no-such-plugin").doesNotContain("Exception");
    }

    @Test
    void lsListsTheNetworks() {
        Run run = Launcher.cnitool(net.env, "ls");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains(net.network).contains("bridge");
    }
}
