package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-cache logic, on a copy of the script next to a fake build and a fake JDK whose {@code java}
 * only logs its arguments and writes the files a training run would: fast (no JVM), and independent of the real
 * build. Each test runs the script a few times, well under a second in all.
 */
class LauncherCacheTest {

    /** Logs one line per call; makes the files the JVM would make in a training run, unless FAKE_FAIL is set. */
    private static final String FAKE_JAVA = """
            #!/bin/bash
            echo "$*" >>"$FAKE_LOG"
            mode="" aot="" conf="" boot=""
            for a in "$@"; do
              case "$a" in
                -XX:ArchiveClassesAtExit=*) aot="${a#*=}" ;;
                -XX:AOTMode=*) mode="${a#*=}" ;;
                -XX:AOTCache=*) aot="${a#*=}" ;;
                -XX:AOTConfiguration=*) conf="${a#*=}" ;;
                -Djna.boot.library.path=*) boot="${a#*=}" ;;
              esac
            done
            [ -n "${FAKE_FAIL:-}" ] && [[ "$*" == *__cds-training* || $mode == create ]] && exit 1
            if [[ "$*" == *__cds-training* ]]; then
              [ -n "$boot" ] && echo lib >"$boot/libjnidispatch.so"
              [ "$mode" = record ] && echo conf >"$conf"
              [ -z "$mode" ] && echo archive >"$aot"
            elif [ "$mode" = create ]; then
              [ -s "$conf" ] && echo aot >"$aot"
            fi
            exit 0
            """;

    @TempDir
    Path tmp;

    private Path script;
    private Path jar;
    private Path log;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void fakeBuildAndJdk() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("repo/examples/cnitool"));
        script = Files.copy(Launcher.CNITOOL, home.resolve("cnitool"));
        Path lib = Files.createDirectories(home.resolve("target/lib"));
        jar = Files.writeString(home.resolve("target/cnitool.jar"), "jar");
        Files.writeString(lib.resolve("jna-5.19.1.jar"), "jna");
        Files.writeString(lib.resolve("other-1.0.jar"), "other");
        // The build is older than the script run, so the launcher never calls Maven.
        for (Path p : List.of(lib.resolve("jna-5.19.1.jar"), lib.resolve("other-1.0.jar"), lib, jar)) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        log = tmp.resolve("java.log");
        env.put("FAKE_LOG", log.toString());
        env.put("CNITOOL_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("CNITOOL_CACHE", "on");
        env.put("CNITOOL_JAVA_OPTS", "");
        jdk("17.0.15");
    }

    private void jdk(String version) throws IOException {
        Path home = tmp.resolve("jdk-" + version);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        if (!Files.exists(java)) {
            Files.writeString(java, FAKE_JAVA);
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(home.resolve("release"), "JAVA_RUNTIME_VERSION=\"" + version + "+1\"\n"
                    + "JAVA_VERSION=\"" + version + "\"\n");
        }
        env.put("JAVA_HOME", home.toString());
    }

    /** Runs the launcher once and returns the java calls it made, one line each. */
    private List<String> launch() throws IOException {
        Files.deleteIfExists(log);
        Run run = Launcher.run(List.of(script.toString(), "--help"), env, tmp, 60);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<Path> cacheFiles() throws IOException {
        Path cache = tmp.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).map(cache::relativize).sorted().toList();
        }
    }

    @Test
    void jdk17TrainsOnceThenUsesTheArchiveAndTheJnaCopy() throws IOException {
        List<String> first = launch();
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).contains("-XX:ArchiveClassesAtExit=").contains("__cds-training")
                .contains("-Djna.platform.library.path= ");
        assertThat(first.get(1)).contains("-XX:SharedArchiveFile=" + tmp.resolve("cache"))
                .contains("cnitool.jsa").contains("-Djna.boot.library.path=").endsWith("CniTool --help");
        assertThat(cacheFiles()).hasSize(3).allMatch(p -> p.getNameCount() == 2)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(".lock", "cnitool.jsa", "libjnidispatch.so");
        assertThat(cacheFiles().get(0).getName(0).toString()).startsWith("cnitool-17-");

        List<String> second = launch();
        assertThat(second).hasSize(1);
        assertThat(second.get(0)).isEqualTo(first.get(1));
    }

    @Test
    void jdk25UsesTheAotCacheRecordedAndCreatedInTwoSteps() throws IOException {
        jdk("25.0.3");
        List<String> first = launch();
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).contains("-XX:AOTMode=record").contains("__cds-training")
                .contains("-Xlog:aot=off").doesNotContain("-Xshare");
        assertThat(first.get(1)).contains("-XX:AOTMode=create").contains(".tmp");
        assertThat(first.get(2)).contains("-XX:AOTCache=").contains("cnitool.aot")
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(launch()).hasSize(1);
        // No temp files are left: the configuration is removed, the cache renamed into place.
        assertThat(cacheFiles()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(".lock", "cnitool.aot", "libjnidispatch.so");
    }

    @Test
    void eachJdkHasItsOwnCache() throws IOException {
        launch();
        jdk("25.0.3");
        launch();
        jdk("17.0.16");
        launch();
        assertThat(cacheFiles()).filteredOn(p -> p.getFileName().toString().startsWith("cnitool."))
                .extracting(p -> p.getName(0).toString()).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aRebuiltJarMakesTheCacheStaleAndItIsRemade() throws IOException {
        launch();
        assertThat(launch()).hasSize(1);
        // The jar is rebuilt after the archive was made: here the archive is made older than the jar instead.
        Path archive = cacheFiles().stream().filter(p -> p.getFileName().toString().equals("cnitool.jsa"))
                .findFirst().map(tmp.resolve("cache")::resolve).orElseThrow();
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        List<String> after = launch();
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).contains("__cds-training");
        assertThat(launch()).hasSize(1);
    }

    @Test
    void aFailedTrainingRunIsNotAnErrorAndLeavesNoArchive() throws IOException {
        env.put("FAKE_FAIL", "1");
        List<String> calls = launch();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).doesNotContain("SharedArchiveFile").doesNotContain("jna.boot.library.path");
        assertThat(cacheFiles()).extracting(p -> p.getFileName().toString()).containsExactly(".lock");
        jdk("25.0.3");
        List<String> aot = launch();
        assertThat(aot).hasSize(2);
        assertThat(aot.get(1)).doesNotContain("AOTCache");
        assertThat(cacheFiles()).extracting(p -> p.getFileName().toString()).containsExactly(".lock", ".lock");
    }

    @Test
    void anUnwritableCacheDirectoryOnlyCostsStartUpTime() throws IOException {
        // Under a regular file no directory can be made, whoever runs the test (root included).
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        env.put("CNITOOL_CACHE_DIR", file.resolve("cache").toString());
        List<String> calls = launch();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit")
                .doesNotContain("jna.boot.library.path").endsWith("CniTool --help");
    }

    @Test
    void cacheOffRunsWithoutAnyCacheAndWritesNothing() throws IOException {
        env.put("CNITOOL_CACHE", "off");
        List<String> calls = launch();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).doesNotContain("SharedArchiveFile").doesNotContain("jna.boot.library.path");
        assertThat(Files.exists(tmp.resolve("cache"))).isFalse();
    }

    @Test
    void xdgCacheHomeIsTheDefaultLocation() throws IOException {
        env.put("CNITOOL_CACHE_DIR", "");
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        launch();
        try (Stream<Path> dirs = Files.list(tmp.resolve("xdg/cni4j"))) {
            assertThat(dirs.map(d -> d.getFileName().toString())).singleElement().asString()
                    .startsWith("cnitool-17-");
        }
    }
}
