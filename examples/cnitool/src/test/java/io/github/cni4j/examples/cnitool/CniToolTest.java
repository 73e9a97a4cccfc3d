package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> env, String... args) {
        return new CniTool().run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void networkCommandsReportUnknownFlagsMissingParentsAndRemovedNames(@TempDir Path tmp) {
        Map<String, String> env = Map.of("NETCONFPATH", tmp.resolve("net.d").toString(),
                "CNI_CACHE_DIR", tmp.resolve("cache").toString());
        assertThat(run(env, "network", "create", "--attachable", "--subnet", "10.231.7.0/24", "c4jflags"))
                .isEqualTo(2);
        assertThat(err()).contains("unknown flag: --attachable");
        assertThat(run(env, "network", "create", "-d", "macvlan", "-o", "parent=c4jnosuch0", "c4jmv")).isEqualTo(1);
        assertThat(err()).contains("-o parent interface was not found on the host: c4jnosuch0");
        assertThat(run(env, "network", "create", "--subnet", "10.231.8.0/24", "-o",
                "com.docker.network.bridge.name=c4jbrt0", "c4jrm1")).isZero();
        out.reset();
        assertThat(run(env, "network", "rm", "c4jrm1")).isZero();
        assertThat(out()).isEqualTo("c4jrm1" + System.lineSeparator());
    }

    @Test
    void noArgumentsPrintsTheOverviewOnStderrWithUsageStatus() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: cnitool <command>").contains("NETCONFPATH");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("lint").contains("netns").contains("ls");
    }

    @Test
    void helpOfACommand() {
        assertThat(run("help", "lint")).isZero();
        assertThat(out()).startsWith("Usage: cnitool lint");
        out.reset();
        assertThat(run("netns", "--help")).isZero();
        assertThat(out()).startsWith("Usage: cnitool netns");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate", "x")).isEqualTo(2);
        assertThat(err()).isEqualTo("cnitool: unknown command \"frobnicate\"; run `cnitool --help` for the list\n");
    }

    @Test
    void missingArgumentsAreUsageErrorsNamingTheCommand() {
        assertThat(run("lint")).isEqualTo(2);
        assertThat(err()).contains("cnitool lint: expected at least one file to lint")
                .contains("cnitool lint --help");
        err.reset();
        assertThat(run("netns", "add")).isEqualTo(2);
        assertThat(err()).contains("cnitool netns: ");
    }

    @Test
    void lintOfAMissingFileIsAnError() {
        assertThat(run("lint", "/nonexistent/c4j.conflist")).isEqualTo(1);
        assertThat(out()).contains("/nonexistent/c4j.conflist");
    }
}
