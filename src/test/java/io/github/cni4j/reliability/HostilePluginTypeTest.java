package io.github.cni4j.reliability;

import io.github.cni4j.error.PluginException;
import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cni4j.internal.invoke.PluginFinder;
import io.github.cni4j.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin {@code type} comes from a config file and names a binary that will run as root: it must resolve only to a
 * plain file directly inside a plugin directory. Separators, {@code ..}, NUL and newlines are refused with a
 * {@link PluginException} ({@code NOT_FOUND}) before any lookup.
 */
class HostilePluginTypeTest {

    private static final AtomicLong TRIED = new AtomicLong();
    private static final Path PLUGINS;
    private static final Path OUTSIDE;

    static {
        try {
            Path root = TempDirs.create("c4j-types");
            PLUGINS = Files.createDirectories(root.resolve("plugins"));
            OUTSIDE = Files.writeString(root.resolve("evil"), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(OUTSIDE, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(PLUGINS.resolve("good"), "#!/bin/sh\nexit 0\n");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @AfterAll
    static void recordFigures() {
        Figures.of("bad-input", "plugin-types")
                .scenario("plugin types with /, .., NUL, newlines, backslashes and absolute paths (seeded generators + examples)")
                .count(TRIED.get(), "lookups")
                .lost(0, "each refused with PluginException NOT_FOUND, or resolved to a file directly inside the "
                        + "plugin dir; nothing outside it ever resolved")
                .write();
    }

    @Test
    void traversalTypesAreRefused() {
        PluginFinder finder = PluginFinder.of(List.of(PLUGINS));
        for (String type : List.of("../evil", "..", ".", "/bin/sh", "a/b", "x\u0000", "good\u0000", "good\n",
                "..\u0000", "",
                // found by the seeded generator: a lone surrogate made Path.resolve throw InvalidPathException
                "\u8090\u001d\u0013&\udf0a", "good\ud800")) {
            TRIED.incrementAndGet();
            assertThat(catchThrowable(() -> finder.find(type))).as(type).is(FailureKinds.PLUGIN_NOT_FOUND);
        }
        assertThat(finder.find("good")).isEqualTo(PLUGINS.resolve("good").toAbsolutePath());
    }

    private static Gen<String> types() {
        Gen<String> plain = Gen.strings(Gen.chars('a', 'z'), 0, 5);
        Gen<String> fragment = Gen.of("/", "..", "../", "\u0000", "\n", "\\", ".", "evil", "good", "~");
        return Gen.oneOf(r -> plain.next(r) + fragment.next(r) + plain.next(r),
                r -> fragment.next(r) + fragment.next(r), Gen.strings(Gen.anyChar(), 0, 8));
    }

    @Test
    void aTypeResolvesInsideAPluginDirOrIsRefused() {
        Seeded.forAll(500, types(), HostilePluginTypeTest::resolvesInsideAPluginDirOrIsRefused);
    }

    private static void resolvesInsideAPluginDirOrIsRefused(String type) {
        TRIED.incrementAndGet();
        PluginFinder finder = PluginFinder.of(List.of(PLUGINS));
        try {
            Path found = finder.find(type);
            assertThat(found.getParent()).isEqualTo(PLUGINS.toAbsolutePath());
            assertThat(found.normalize()).isEqualTo(found);
        } catch (PluginException expected) {
            assertThat(expected.kind()).isEqualTo(PluginException.Kind.NOT_FOUND);
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
