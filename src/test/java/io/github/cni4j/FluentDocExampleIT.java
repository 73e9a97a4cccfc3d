package io.github.cni4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import io.github.cni4j.testing.TestNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main example of docs/fluent.md (and the README), run as written against a temp conf dir. */
@Tag("integration")
class FluentDocExampleIT {

    @TempDir
    Path tmp;

    @Test
    void readmeExampleAttachesReadsTheIpAndDetaches() {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "loopback", "portmap");
        try (FluentFixture fx = new FluentFixture(tmp); TestNetns ns = TestNetns.create()) {
            FluentFixture.Net bridge = fx.bridgeNetwork("10-bridge.conflist",
                    "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}");
            String id = TestNames.containerId();

            // --- docs/fluent.md, "Attach a container to the bridge network, read its IP, detach" ---
            Cni cni = Cni.builder()
                    .pluginDirs(Prerequisites.PLUGIN_DIR)
                    .confDir(fx.confDir)
                    .cacheDir(fx.cacheDir)
                    .build();
            Path netns = ns.path();
            Attachment a = cni.attach(id, netns)
                    .portMapping(PortMapping.tcp(18080, 80))
                    .execute();
            String ip = a.interfaces().get("eth0").ips().get(0).address().address().getHostAddress();
            cni.detach(id, netns);
            // ---

            assertThat(ip).startsWith(bridge.subnetPrefix());
            assertThat(fx.cacheEntries()).isEmpty();
            assertThat(fx.reservations()).isEmpty();

            // --- the Sandbox variant ---
            try (Sandbox web = cni.sandbox(TestNames.netns(), NetworkMode.bridge(),
                    r -> r.portMapping(PortMapping.tcp(18081, 80)))) {
                String sandboxIp = web.attachment().interfaces().get("eth0").ips().get(0).address().address().getHostAddress();
                String inside = web.call(() -> Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
                assertThat(inside).isNotEqualTo(Prerequisites.sh("readlink", "/proc/self/ns/net").trim());
                assertThat(FluentFixture.addrOf(web.containerId(), "eth0")).contains(sandboxIp);
            }
            assertThat(fx.cacheEntries()).isEmpty();
        }
    }
}
