package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cni4j's cnitool and a Go libcni twin of Go's cnitool ({@code src/test/go/gocnitool}) share one attachment:
 * what one adds, the other checks and deletes, through the same cache directory, container id and plugins; and
 * both print the same ADD result.
 */
@Tag("integration")
class GoCnitoolInteropIT {

    private static final Path GO_SOURCE = Launcher.HOME.resolve("src/test/go/gocnitool/main.go");
    private static final Path GO_BINARY = Launcher.HOME.resolve("target/gocnitool");
    private static final Path GO_LIBCNI = Path.of("/usr/share/gocode/src/github.com/containernetworking/cni/libcni");

    @TempDir
    Path tmp;

    private TestNetwork net;

    @BeforeEach
    void setUp() throws Exception {
        ItPrerequisites.requireRootAndPlugins("bridge", "host-local");
        ItPrerequisites.require(ItPrerequisites.onPath("go"), "go (apt-get install golang-go)");
        ItPrerequisites.require(Files.isDirectory(GO_LIBCNI),
                "Go libcni source (apt-get install golang-github-appc-cni-dev)");
        buildGoTwin(tmp.resolve("gopath"));
        net = new TestNetwork(tmp, "1.0.0");
    }

    @AfterEach
    void cleanUp() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void goDeletesWhatCni4jAdded() {
        String nsPath = net.netns();
        Run add = Launcher.cnitool(net.env, "add", net.network, nsPath);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(net.cachedResult(nsPath, "eth0")).exists();

        Run check = go("check", nsPath);
        assertThat(check.status()).as(check.toString()).isZero();
        Run del = go("del", nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertNothingLeft(nsPath);
    }

    @Test
    void cni4jDeletesWhatGoAdded() {
        String nsPath = net.netns();
        Run add = go("add", nsPath);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(net.cachedResult(nsPath, "eth0")).exists();

        Run check = Launcher.cnitool(net.env, "check", net.network, nsPath);
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).isEmpty();
        Run del = Launcher.cnitool(net.env, "del", net.network, nsPath);
        assertThat(del.status()).as(del.toString()).isZero();
        assertNothingLeft(nsPath);
    }

    @Test
    void bothPrintTheSameAddResult() throws Exception {
        String javaNs = net.netns();
        String goNs = net.netns();
        try {
            Run javaAdd = Launcher.cnitool(net.env, "add", net.network, javaNs);
            assertThat(javaAdd.status()).as(javaAdd.toString()).isZero();
            Run goAdd = go("add", goNs);
            assertThat(goAdd.status()).as(goAdd.toString()).isZero();

            // Both print cnitool's layout: indented by 4 spaces, no final newline.
            for (Run add : List.of(javaAdd, goAdd)) {
                assertThat(add.out()).startsWith("{\n    \"cniVersion\": \"1.0.0\",\n    \"interfaces\": [\n")
                        .endsWith("}");
            }
            // Two attachments differ only in their addresses, MACs, veth names and sandboxes: with those masked,
            // the trees are equal. Key order and the empty "dns" are not compared: the twin's libcni is Debian's
            // 1.1.2, which prints 1.0.0 results in struct order with "dns":{} always, while libcni 1.2+ (and
            // cni4j) sort the keys and omit an empty dns (REFERENCE B.12).
            ObjectMapper json = new ObjectMapper();
            JsonNode javaTree = json.readTree(masked(javaAdd.out(), javaNs));
            ObjectNode goTree = (ObjectNode) json.readTree(masked(goAdd.out(), goNs));
            if (goTree.path("dns").isObject() && goTree.path("dns").isEmpty()) {
                goTree.remove("dns");
            }
            assertThat(javaTree).isEqualTo(goTree);
            assertThat(javaTree.at("/ips/0/address").textValue()).startsWith("<ip>/");
            assertThat(json.readTree(javaAdd.out()).at("/ips/0/address").textValue())
                    .isNotEqualTo(json.readTree(goAdd.out()).at("/ips/0/address").textValue());
        } finally {
            Launcher.cnitool(net.env, "del", net.network, javaNs);
            go("del", goNs);
        }
        assertNothingLeft(javaNs);
        assertNothingLeft(goNs);
    }

    private void assertNothingLeft(String nsPath) {
        assertThat(net.cachedResult(nsPath, "eth0")).doesNotExist();
        try (var reservations = Files.list(net.ipamDir.resolve(net.network))) {
            // Only host-local's bookkeeping files remain (last_reserved_ip.0, lock), no address reservation.
            assertThat(reservations.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.startsWith("last_reserved_ip") || n.equals("lock"));
        } catch (IOException e) {
            throw new AssertionError("cannot list host-local's data dir", e);
        }
        String name = Path.of(nsPath).getFileName().toString();
        assertThat(ItPrerequisites.sh("ip", "-n", name, "link")).doesNotContain("eth0").contains("lo");
    }

    private static String masked(String result, String nsPath) {
        return result.replace(nsPath, "<netns>")
                .replaceAll("\\b\\p{XDigit}{2}(:\\p{XDigit}{2}){5}\\b", "<mac>")
                .replaceAll("\"veth\\p{XDigit}{8}\"", "\"<veth>\"")
                .replaceAll("\"address\": \"[0-9.]+/", "\"address\": \"<ip>/");
    }

    private Run go(String verb, String nsPath) {
        return Launcher.run(List.of(GO_BINARY.toString(), verb, net.network, nsPath), net.env,
                Path.of(System.getProperty("java.io.tmpdir")), 120);
    }

    /** Builds the twin offline in GOPATH mode (libcni from Debian's source package) unless it is up to date. */
    private static synchronized void buildGoTwin(Path gopath) throws IOException {
        if (Files.exists(GO_BINARY)
                && Files.getLastModifiedTime(GO_BINARY).compareTo(Files.getLastModifiedTime(GO_SOURCE)) > 0) {
            return;
        }
        Path pkg = Files.createDirectories(gopath.resolve("src/gocnitool"));
        Files.copy(GO_SOURCE, pkg.resolve("main.go"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(GO_BINARY.getParent());
        Map<String, String> env = Map.of("GO111MODULE", "off", "GOPATH", gopath + ":/usr/share/gocode",
                "GOCACHE", gopath.resolve("cache").toString(), "GOFLAGS", "");
        Run build = Launcher.run(List.of("go", "build", "-o", GO_BINARY.toString(), "."), env, pkg, 300);
        if (build.status() != 0) {
            throw new AssertionError("go build of gocnitool failed: " + build);
        }
    }
}
