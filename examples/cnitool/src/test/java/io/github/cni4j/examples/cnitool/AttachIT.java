package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
    void addCheckDelRoundTripLikeGoCnitool() throws Exception {
        String name = net.netnsName();
        Run made = Launcher.cnitool(net.env, "netns", "add", name);
        assertThat(made.status()).as(made.toString()).isZero();
        String nsPath = made.out().strip();
        assertThat(nsPath).isEqualTo("/run/netns/" + name);
        assertThat(ItPrerequisites.sh("ip", "netns", "list")).contains(name);

        // No class archive: this launch makes one first; none of the JVM's talk about it may reach stdout.
        Map<String, String> fresh = new HashMap<>(net.env);
        fresh.put("CNITOOL_CACHE_DIR", tmp.resolve("cache").toString());
        Run add = Launcher.cnitool(fresh, "add", net.network, nsPath);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(add.err()).isEmpty();
        // Exactly cnitool's output: the result JSON indented by 4 spaces, no final newline, nothing else.
        assertThat(add.out()).startsWith("{\n    \"cniVersion\": \"1.0.0\",\n    \"interfaces\": [\n        {\n")
                .doesNotEndWith("\n");
        JsonNode result = JSON.readTree(add.out());
        String address = result.at("/ips/0/address").textValue();
        assertThat(address).isEqualTo(Subnets.host(net.subnet, 2) + "/24");
        assertThat(result.at("/interfaces").findValuesAsText("sandbox")).contains(nsPath);
        // The cache entry is keyed by cnitool's container id, so Go's cnitool could CHECK and DEL it too.
        assertThat(net.cachedResult(nsPath, "eth0")).exists();
        assertThat(net.reservation(2)).exists();

        Run check = Launcher.cnitool(net.env, "check", net.network, nsPath);
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).isEmpty();
        assertThat(ItPrerequisites.sh("ip", "-n", name, "addr", "show", "eth0")).contains(address);

        Run del = Launcher.cnitool(net.env, "del", net.network, nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(del.out()).isEmpty();
        assertThat(net.cachedResult(nsPath, "eth0")).doesNotExist();
        assertThat(net.reservation(2)).doesNotExist();
        assertThat(ItPrerequisites.sh("ip", "-n", name, "link")).doesNotContain("eth0");

        Run gone = Launcher.cnitool(net.env, "netns", "del", name);
        assertThat(gone.status()).as(gone.toString()).isZero();
        assertThat(Path.of(nsPath)).doesNotExist();
    }

    @Test
    void relativeNetnsPathIsMadeAbsoluteLikeGoCnitool() {
        String nsPath = net.netns();
        Run add = Launcher.run(java.util.List.of(Launcher.CNITOOL.toString(), "add", net.network,
                "../netns/" + Path.of(nsPath).getFileName()), net.env, Path.of("/run/netns"), 300);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(net.cachedResult(nsPath, "eth0")).exists();
        Run del = Launcher.cnitool(net.env, "del", net.network, nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(net.cachedResult(nsPath, "eth0")).doesNotExist();
    }

    @Test
    void ifNameComesFromTheEnvironmentOrTheOption() throws Exception {
        String nsPath = net.netns();
        String name = Path.of(nsPath).getFileName().toString();
        net.env.put("CNI_IFNAME", "c4jin0");
        Run add = Launcher.cnitool(net.env, "add", "-i", "net1", net.network, nsPath);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(JSON.readTree(add.out()).at("/interfaces").findValuesAsText("name")).contains("net1");
        Run delOther = Launcher.cnitool(net.env, "del", net.network, nsPath);
        assertThat(delOther.status()).as(delOther.toString()).isZero();
        assertThat(ItPrerequisites.sh("ip", "-n", name, "link")).contains("net1");
        Run del = Launcher.cnitool(net.env, "del", "--ifname", "net1", net.network, nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(ItPrerequisites.sh("ip", "-n", name, "link")).doesNotContain("net1");
    }

    @Test
    void unknownNetworkIsExitOneWithLibcnisMessage() {
        Run run = Launcher.cnitool(net.env, "add", "c4jnet-nope", "/run/netns/c4j-nope");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("no net configuration with name \"c4jnet-nope\" in " + net.confDir + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingPluginNamesThePluginAndThePath() throws Exception {
        Launcher.write(net.confDir.resolve("20-c4j-missing.conflist"), """
                {"cniVersion": "1.0.0", "name": "c4jnet-missing", "plugins": [{"type": "c4j-no-such-plugin"}]}
                """);
        Run run = Launcher.cnitool(net.env, "add", "c4jnet-missing", net.netns());
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        // libcni's text, one line, no stack trace.
        assertThat(run.err()).isEqualTo("plugin type=\"c4j-no-such-plugin\" failed (add): failed to find plugin "
                + "\"c4j-no-such-plugin\" in path [" + ItPrerequisites.PLUGIN_DIR + "]\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badJsonInNetconfpathNamesFileLineAndColumn() throws Exception {
        Path bad = Launcher.write(net.confDir.resolve("05-c4j-bad.conflist"),
                "{\"cniVersion\": \"1.0.0\",\n \"name\": \"c4jnet-bad\",\n \"plugins\": [ {\"type\": } ]\n}\n");
        Run run = Launcher.cnitool(net.env, "add", net.network, "/run/netns/c4j-nope");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":3:").doesNotContain("Exception");
    }

    @Test
    void badNetnsPathIsExitOneNamingThePath() {
        String missing = "/nonexistent/c4j-" + net.suffix;
        Run run = Launcher.cnitool(net.env, "add", net.network, missing);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("failed to open netns \"" + missing + "\"").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(net.cachedResult(missing, "eth0")).doesNotExist();
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        Run run = Launcher.cnitool(net.env, "add", net.network);
        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("cnitool add: expected <network> <netns-path>").contains("--help");
    }

    @Test
    void badCniArgsAreRejectedBeforeAnyPluginRuns() {
        net.env.put("CNI_ARGS", "IgnoreUnknown=1;oops");
        Run run = Launcher.cnitool(net.env, "add", net.network, "/run/netns/c4j-nope");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("invalid CNI_ARGS pair \"oops\"\n");
        assertThat(HostCommands.linkExists(net.bridge)).isFalse();
    }

    @Test
    void capArgsMustBeAJsonObject() {
        net.env.put("CAP_ARGS", "[\"portMappings\"]");
        Run run = Launcher.cnitool(net.env, "add", net.network, "/run/netns/c4j-nope");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("invalid CAP_ARGS: expected a JSON object");
        assertThat(HostCommands.linkExists(net.bridge)).isFalse();
    }
}
