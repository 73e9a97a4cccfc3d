package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cnitool add|check|del} through the launcher, on the real bridge and host-local plugins. */
@Tag("integration")
class AttachIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
    private final String bridge = "c4j" + suffix;
    private final String netns = "c4j-" + suffix;
    private final String network = "c4jnet-" + suffix;
    private Path confDir;
    private Path cacheDir;
    private Path ipamDir;
    private String subnet;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ItPrerequisites.requireRootAndPlugins("bridge", "host-local");
        confDir = Files.createDirectories(tmp.resolve("net.d"));
        cacheDir = tmp.resolve("cache");
        ipamDir = tmp.resolve("ipam");
        subnet = freeSubnet();
        Launcher.write(confDir.resolve("10-" + network + ".conflist"), """
                {
                  "cniVersion": "1.0.0",
                  "name": "%s",
                  "plugins": [
                    {"type": "bridge", "bridge": "%s", "isGateway": true,
                     "ipam": {"type": "host-local", "subnet": "%s", "dataDir": "%s"}}
                  ]
                }
                """.formatted(network, bridge, subnet, ipamDir));
        env = new HashMap<>(Map.of("NETCONFPATH", confDir.toString(), "CNI_PATH",
                ItPrerequisites.PLUGIN_DIR.toString(), "CNI_CACHE_DIR", cacheDir.toString()));
    }

    @AfterEach
    void cleanUp() {
        ItPrerequisites.sh("ip", "netns", "del", netns);
        ItPrerequisites.sh("ip", "link", "del", bridge);
    }

    /** A random 10.2xx.y.0/24 the host does not use. */
    private static String freeSubnet() {
        List<String> used = HostCommands.hostIpv4Prefixes();
        for (int i = 0; i < 100; i++) {
            String candidate = "10." + ThreadLocalRandom.current().nextInt(200, 250) + "."
                    + ThreadLocalRandom.current().nextInt(0, 256) + ".0/24";
            if (used.stream().noneMatch(u -> !u.endsWith("/0") && Subnets.overlaps(candidate, u))) {
                return candidate;
            }
        }
        throw new AssertionError("no free 10.2xx.y.0/24 on this host");
    }

    @Test
    void addCheckDelRoundTripLikeGoCnitool() throws Exception {
        Run made = Launcher.cnitool(env, "netns", "add", netns);
        assertThat(made.status()).as(made.toString()).isZero();
        Path nsPath = Path.of(made.out().strip());
        assertThat(ItPrerequisites.sh("ip", "netns", "list")).contains(netns);
        String containerId = ToolEnv.containerId(nsPath);

        Run add = Launcher.cnitool(env, "add", network, nsPath.toString());
        assertThat(add.status()).as(add.toString()).isZero();
        // Exactly cnitool's output: the result JSON indented by 4 spaces, no final newline, nothing else.
        assertThat(add.out()).startsWith("{\n    \"cniVersion\": \"1.0.0\",").doesNotEndWith("\n");
        JsonNode result = JSON.readTree(add.out());
        String address = result.at("/ips/0/address").textValue();
        assertThat(address).startsWith(Subnets.host(subnet, 2) + "/24");
        assertThat(result.at("/interfaces").findValuesAsText("sandbox")).contains(nsPath.toString());
        Path cached = cacheDir.resolve("results").resolve(network + "-" + containerId + "-eth0");
        assertThat(cached).exists();
        assertThat(ipamDir.resolve(network).resolve(Subnets.host(subnet, 2))).exists();

        Run check = Launcher.cnitool(env, "check", network, nsPath.toString());
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).isEmpty();
        assertThat(ItPrerequisites.sh("ip", "-n", netns, "addr", "show", "eth0")).contains(address);

        Run del = Launcher.cnitool(env, "del", network, nsPath.toString());
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(del.out()).isEmpty();
        assertThat(cached).doesNotExist();
        assertThat(ipamDir.resolve(network).resolve(Subnets.host(subnet, 2))).doesNotExist();
        assertThat(ItPrerequisites.sh("ip", "-n", netns, "link")).doesNotContain("eth0");

        Run gone = Launcher.cnitool(env, "netns", "del", netns);
        assertThat(gone.status()).as(gone.toString()).isZero();
        assertThat(nsPath).doesNotExist();
    }

    @Test
    void ifNameComesFromTheEnvironmentOrTheOption() throws Exception {
        ItPrerequisites.sh("ip", "netns", "add", netns);
        String nsPath = "/run/netns/" + netns;
        env.put("CNI_IFNAME", "c4jin0");
        Run add = Launcher.cnitool(env, "add", "-i", "net1", network, nsPath);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(JSON.readTree(add.out()).at("/interfaces").findValuesAsText("name")).contains("net1");
        Run delWrong = Launcher.cnitool(env, "del", network, nsPath);
        assertThat(delWrong.status()).as(delWrong.toString()).isZero();
        assertThat(ItPrerequisites.sh("ip", "-n", netns, "link")).contains("net1");
        Run del = Launcher.cnitool(env, "del", "--ifname", "net1", network, nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(ItPrerequisites.sh("ip", "-n", netns, "link")).doesNotContain("net1");
    }

    @Test
    void unknownNetworkIsExitOneWithLibcnisMessage() {
        Run run = Launcher.cnitool(env, "add", "c4jnet-nope", "/run/netns/" + netns);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("no net configuration with name \"c4jnet-nope\" in " + confDir + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingPluginNamesThePluginAndThePath() throws Exception {
        Launcher.write(confDir.resolve("20-c4j-missing.conflist"), """
                {"cniVersion": "1.0.0", "name": "c4jnet-missing", "plugins": [{"type": "c4j-no-such-plugin"}]}
                """);
        ItPrerequisites.sh("ip", "netns", "add", netns);
        Run run = Launcher.cnitool(env, "add", "c4jnet-missing", "/run/netns/" + netns);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("c4j-no-such-plugin").contains(ItPrerequisites.PLUGIN_DIR.toString());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badJsonInNetconfpathNamesFileLineAndColumn() throws Exception {
        Path bad = Launcher.write(confDir.resolve("05-c4j-bad.conflist"),
                "{\"cniVersion\": \"1.0.0\",\n \"name\": \"c4jnet-bad\",\n \"plugins\": [ {\"type\": } ]\n}\n");
        Run run = Launcher.cnitool(env, "add", network, "/run/netns/" + netns);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":3:");
    }

    @Test
    void badNetnsPathIsExitOneNamingThePath() {
        Run run = Launcher.cnitool(env, "add", network, "/nonexistent/c4j-" + suffix);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("/nonexistent/c4j-" + suffix);
        assertThat(run.out()).isEmpty();
        assertThat(cacheDir.resolve("results")).doesNotExist();
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        Run run = Launcher.cnitool(env, "add", network);
        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("cnitool add: expected <network> <netns-path>").contains("--help");
    }

    @Test
    void badCniArgsAreRejectedBeforeAnyPluginRuns() {
        env.put("CNI_ARGS", "IgnoreUnknown=1;oops");
        Run run = Launcher.cnitool(env, "add", network, "/run/netns/" + netns);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("invalid CNI_ARGS pair \"oops\"\n");
        assertThat(HostCommands.linkExists(bridge)).isFalse();
    }
}
