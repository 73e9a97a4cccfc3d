package io.github.cni4j.internal.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.NetworkConfigList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLoaderTest {

    @TempDir
    Path dir;

    private Path write(String file, String json) throws IOException {
        return Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
    }

    private static String list(String name) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[{\"type\":\"bridge\"}]}";
    }

    private Settings settings(List<Object> sources, int max, String defaultNetwork) {
        return Settings.builder().confDir(dir).sources(sources).maxConfFiles(max).defaultNetwork(defaultNetwork)
                .build();
    }

    @Test
    void firstFilesOfTheDirectoryAreTheDefaultsInLibcniOrder() throws IOException {
        write("20-b.conflist", list("b"));
        write("10-a.conflist", list("a"));
        write("30-c.conf", "{\"cniVersion\":\"0.4.0\",\"name\":\"c\",\"type\":\"bridge\"}");

        Snapshot s = SnapshotLoader.load(settings(List.of(), 2, ""));
        assertThat(s.resolveDefaults()).extracting(NetworkConfigList::name).containsExactly("a", "b");
        assertThat(s.lookup("c").plugins()).hasSize(1);
        assertThat(s.loopback()).isPresent();
    }

    @Test
    void namedDefaultNetworkWins() throws IOException {
        write("10-a.conflist", list("a"));
        write("20-b.conflist", list("b"));
        Snapshot s = SnapshotLoader.load(settings(List.of(), 1, "b"));
        assertThat(s.resolveDefaults()).extracting(NetworkConfigList::name).containsExactly("b");
    }

    @Test
    void missingNamedDefaultFailsAtLoadWithLibcniMessageAndTheKnownNetworks() throws IOException {
        write("10-a.conflist", list("a"));
        write("20-b.conflist", list("b"));
        assertThatThrownBy(() -> SnapshotLoader.load(settings(List.of(), 1, "nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContainingAll("defaultNetwork \"nope\"", "[\"a\", \"b\"]",
                        "no net configuration with name \"nope\"");
    }

    @Test
    void namedDefaultRemovedAfterTheSnapshotFailsWithLibcniMessage() throws IOException {
        write("10-a.conflist", list("a"));
        Snapshot s = new Snapshot(List.of(), java.util.Map.of(), java.util.Optional.empty(), dir, "nope", List.of());
        assertThatThrownBy(s::resolveDefaults).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no net configuration with name \"nope\"");
    }

    @Test
    void everyBadFileIsListedInOneError() throws IOException {
        Path bad1 = write("x.conflist", "{\"name\":");
        Path bad2 = write("y.conflist", "[1]");
        assertThatThrownBy(() -> SnapshotLoader.load(settings(List.of(bad1, bad2), 1, "")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.msg()).contains(bad1.toString(), bad2.toString());
                    assertThat(e.getSuppressed()).hasSize(2);
                });
    }

    @Test
    void badFileBeforeTheDefaultsAreCompleteIsAnErrorButLaterOnesAreSkipped() throws IOException {
        write("10-a.conflist", list("a"));
        write("20-bad.conflist", "{");
        Snapshot s = SnapshotLoader.load(settings(List.of(), 1, ""));
        assertThat(s.skipped()).hasSize(1);
        assertThatThrownBy(() -> SnapshotLoader.load(settings(List.of(), 2, "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("20-bad.conflist");
    }

    @Test
    void duplicateExplicitNamesAreRefused() throws IOException {
        Path a = write("a.conflist", list("same"));
        assertThatThrownBy(() -> SnapshotLoader.load(settings(List.of(a, a), 1, "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"same\" is used twice");
    }
}
