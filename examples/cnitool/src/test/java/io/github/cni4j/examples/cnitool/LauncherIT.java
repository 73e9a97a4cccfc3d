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
}
