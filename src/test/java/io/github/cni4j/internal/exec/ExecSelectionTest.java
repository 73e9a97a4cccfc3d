package io.github.cni4j.internal.exec;

import io.github.cni4j.invoke.PluginExecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.invoke.PluginExec;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default executor choice and the system property that overrides it. */
class ExecSelectionTest {

    private final String saved = System.getProperty(ExecSelection.PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(ExecSelection.PROPERTY);
        } else {
            System.setProperty(ExecSelection.PROPERTY, saved);
        }
    }

    @Test
    void defaultIsNativeOnLinuxWithAModernGlibc() {
        System.clearProperty(ExecSelection.PROPERTY);
        assertThat(PluginExecs.defaultExec()).isInstanceOf(PosixSpawnExec.class).isSameAs(PluginExecs.posixSpawn());
    }

    @Test
    void propertyForcesEitherExecutor() {
        System.setProperty(ExecSelection.PROPERTY, "portable");
        assertThat(PluginExecs.defaultExec()).isSameAs(PluginExecs.portable());
        System.setProperty(ExecSelection.PROPERTY, " NATIVE ");
        assertThat(PluginExecs.defaultExec()).isInstanceOf(PosixSpawnExec.class);
        System.setProperty(ExecSelection.PROPERTY, "vfork");
        assertThatThrownBy(PluginExecs::defaultExec).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cni4j.exec").hasMessageContaining("\"vfork\"");
    }

    @Test
    void nativeSpawnErrorsUseGoWording() {
        PluginExec.Response r = PluginExecs.posixSpawn().run(new PluginExec.Request(Path.of("/nonexistent/plugin"),
                new byte[0], Map.of(), Duration.ofSeconds(5)));
        assertThat(r.spawnError()).contains("fork/exec /nonexistent/plugin: no such file or directory");
        assertThat(r.isSuccess()).isFalse();
    }

    @Test
    void busyBinaryIsReportedInTheWordsTheInvokerRetriesOn(@TempDir Path dir) throws IOException {
        Path busy = dir.resolve("busy");
        Files.copy(Path.of("/bin/true"), busy);
        Files.setPosixFilePermissions(busy, PosixFilePermissions.fromString("rwx------"));
        try (FileOutputStream writer = new FileOutputStream(busy.toFile(), true)) {
            PluginExec.Response r = PluginExecs.posixSpawn().run(new PluginExec.Request(busy, new byte[0], Map.of(),
                    Duration.ofSeconds(5)));
            assertThat(r.spawnError()).contains("fork/exec " + busy + ": text file busy");
        }
    }

    @Test
    void bothExecutorsAgreeOnAPluginRun() {
        PluginExec.Request req = new PluginExec.Request(Path.of("/bin/sh"), "echo out; echo err >&2; exit 4".getBytes(
                StandardCharsets.US_ASCII), Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(20));
        PluginExec.Response nat = PluginExecs.posixSpawn().run(req);
        PluginExec.Response portable = PluginExecs.portable().run(req);
        for (PluginExec.Response r : new PluginExec.Response[] {nat, portable}) {
            assertThat(r.exitStatus()).isEqualTo(4);
            assertThat(r.signal()).isZero();
            assertThat(new String(r.stdout(), StandardCharsets.US_ASCII)).isEqualTo("out\n");
            assertThat(r.stderrText()).isEqualTo("err\n");
        }
    }
}
