package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script as a user runs it: help, usage errors, lint output formats, any cwd, symlinks. */
@Tag("integration")
class LauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeEach
    void prerequisites() {
        ItPrerequisites.requireLauncher();
    }

    @Test
    void helpListsTheCommandsOnStdout() {
        Run run = Launcher.cnitool(Map.of(), "--help");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: cnitool <command>").contains("lint").contains("netns")
                .contains("NETCONFPATH");
    }

    @Test
    void everyCommandHasHelp() {
        Run overview = Launcher.cnitool(Map.of(), "--help");
        List<String> commands = overview.out().lines().filter(l -> l.startsWith("  ") && !l.isBlank())
                .map(l -> l.trim().split(" ")[0]).toList();
        assertThat(commands).contains("lint", "ls", "netns");
        for (String command : commands) {
            Run run = Launcher.cnitool(Map.of(), command, "--help");
            assertThat(run.status()).as(command + ": " + run).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: cnitool " + command);
        }
    }

    @Test
    void unknownCommandExitsTwoWithAClearMessage() {
        Run run = Launcher.cnitool(Map.of(), "attach", "x");
        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cnitool: unknown command \"attach\"; run `cnitool --help` for the list\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noArgumentsIsAUsageError() {
        Run run = Launcher.cnitool(Map.of());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: cnitool <command>");
    }

    @Test
    void lintPrintsCompilerStyleLinesAndExitsOneOnErrors() throws Exception {
        Path bad = Launcher.write(tmp.resolve("c4j-bad.conf"), "{\"cniVersion\":\"1.0.0\",\n \"name\": \"c4j\",\n"
                + " \"type\": }\n");
        Run run = Launcher.cnitool(Map.of(), "lint", bad.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains(bad + ":3:10: error CNI0001: ");
    }

    @Test
    void lintOfACleanFileExitsZeroWithNoOutput() throws Exception {
        Path good = Launcher.write(tmp.resolve("c4j.conflist"), """
                {"cniVersion": "1.0.0", "name": "c4jnet", "plugins": [
                  {"type": "bridge", "bridge": "c4jbr0", "isGateway": true,
                   "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.99.0.0/24"}]]}}]}
                """);
        Run run = Launcher.cnitool(Map.of(), "lint", good.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void lintJsonAndSarifFormatsAreValidJson() throws Exception {
        Path typo = Launcher.write(tmp.resolve("c4j-typo.conflist"), """
                {"cniVersion": "1.0.0", "name": "c4jnet", "plugins": [
                  {"type": "bridge", "isGatway": true, "ipam": {"type": "host-local", "subnet": "10.99.0.0/24"}}]}
                """);
        Run json = Launcher.cnitool(Map.of(), "lint", "--format", "json", typo.toString());
        assertThat(json.status()).as(json.toString()).isZero();
        JsonNode diagnostics = JSON.readTree(json.out());
        assertThat(diagnostics.isArray()).isTrue();
        assertThat(diagnostics.findValuesAsText("code")).contains("CNI0100");
        assertThat(diagnostics.get(0).get("line").intValue()).isEqualTo(2);

        Run sarif = Launcher.cnitool(Map.of(), "lint", "--format=sarif", typo.toString());
        assertThat(sarif.status()).as(sarif.toString()).isZero();
        JsonNode log = JSON.readTree(sarif.out());
        assertThat(log.get("version").textValue()).isEqualTo("2.1.0");
        assertThat(log.at("/runs/0/results").size()).isPositive();
    }

    @Test
    void lintRejectsAnUnknownFormat() {
        Run run = Launcher.cnitool(Map.of(), "lint", "--format", "xml", "x.conf");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be text, json or sarif, not \"xml\"");
    }

    @Test
    void lsNamesTheBadFileWithLineAndColumn() throws Exception {
        Path conf = tmp.resolve("net.d");
        Path bad = Launcher.write(conf.resolve("10-c4j.conf"), "{\"cniVersion\": \"1.0.0\",\n  \"name\": oops}\n");
        Run run = Launcher.cnitool(Map.of("NETCONFPATH", conf.toString()), "ls");
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":2:11");
    }

    @Test
    void worksFromAnyDirectoryAndThroughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("cnitool"), Launcher.CNITOOL);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Run run = Launcher.run(List.of(link.toString(), "--help"), Map.of(), elsewhere, 300);
        Files.delete(link);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("cnitool (cni4j)");
    }

    @Test
    void stdoutCarriesOnlyTheCommandsOutputEvenWhenTheClassArchiveIsRebuilt() throws Exception {
        // A missing or stale archive makes the JVM dump or complain; none of that may reach stdout. An empty cache
        // directory makes the first launch train and write the archive.
        Map<String, String> env = Map.of("CNITOOL_CACHE_DIR", tmp.resolve("cache").toString());
        Path good = Launcher.write(tmp.resolve("c4j.conflist"), "{\"cniVersion\": \"1.0.0\", \"name\": \"c4jnet\","
                + " \"plugins\": [{\"type\": \"loopback\"}]}");
        for (int i = 0; i < 2; i++) {
            Run run = Launcher.cnitool(env, "lint", "--format", "json", good.toString());
            assertThat(run.status()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("[ ]\n");
        }
    }

    @Test
    void aCorruptOrForeignCacheIsIgnoredQuietly() throws Exception {
        // A cache file that is newer than the build but is no archive at all (or one made by another JDK): the JVM
        // must refuse it without a word, and the command run as usual. On JDK 17 and, when installed, JDK 25.
        Path good = Launcher.write(tmp.resolve("c4j.conflist"), "{\"cniVersion\": \"1.0.0\", \"name\": \"c4jnet\","
                + " \"plugins\": [{\"type\": \"loopback\"}]}");
        List<Map<String, String>> jdks = new java.util.ArrayList<>(List.of(Map.of()));
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(jdk25.resolve("bin/java"))) {
            jdks.add(Map.of("JAVA_HOME", jdk25.toString()));
        }
        for (Map<String, String> jdk : jdks) {
            Path cache = Files.createTempDirectory(tmp, "cache");
            Map<String, String> env = new java.util.HashMap<>(jdk);
            env.put("CNITOOL_CACHE_DIR", cache.toString());
            assertThat(Launcher.cnitool(env, "lint", good.toString()).status()).isZero();
            try (var files = Files.walk(cache)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot"))
                        .toList()) {
                    Files.writeString(f, "not an archive");
                }
            }
            Run run = Launcher.cnitool(env, "lint", "--format", "json", good.toString());
            assertThat(run.status()).as(jdk + ": " + run).isZero();
            assertThat(run.out()).as(jdk + ": " + run).isEqualTo("[ ]\n");
            assertThat(run.err()).as(jdk + ": " + run).isEmpty();
            // A damaged copy of JNA's library: JNA falls back to unpacking its own (the JVM may warn on stderr).
            try (var files = Files.walk(cache)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".so")).toList()) {
                    Files.writeString(f, "not a library");
                }
            }
            env.put("CNI_PATH", "/usr/lib/cni");
            Run version = Launcher.cnitool(env, "version", "bridge");
            assertThat(version.status()).as(jdk + ": " + version).isZero();
            assertThat(JSON.readTree(version.out()).get("supportedVersions").size()).as(jdk + ": " + version)
                    .isPositive();
        }
    }
}
