package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.testing.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile attachment parameters given to {@link CniInvoker}: container IDs, interface and network names with path
 * traversal, NUL or newlines, over-long names, and CNI_ARGS keys/values with {@code ;} or NUL, or keys with {@code =}.
 * Each is refused with a {@link ConfigException} before any plugin runs and before the cache directory is touched.
 */
class HostileRuntimeConfTest {

    private static final AtomicLong TRIED = new AtomicLong();
    private static final Path ROOT;
    private static final Path PLUGINS;
    private static final Path RAN;

    static {
        try {
            ROOT = TempDirs.create("c4j-rtconf");
            PLUGINS = Files.createDirectories(ROOT.resolve("plugins"));
            RAN = ROOT.resolve("ran");
            Path p = Files.writeString(PLUGINS.resolve("recorder"), "#!/bin/sh\necho \"$CNI_COMMAND\" >> '" + RAN
                    + "'\ncat > /dev/null\nprintf '{\"cniVersion\":\"1.0.0\"}'\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @AfterAll
    static void recordFigures() {
        Figures.of("bad-input", "invoker-parameters")
                .scenario("ADD/CHECK/DEL through CniInvoker with hostile container IDs, interface and network "
                        + "names (/, .., NUL, newlines, 300 bytes) and CNI_ARGS with =, ;, NUL, newlines (seeded generators)")
                .count(TRIED.get(), "operations")
                .lost(0, "each refused with a ConfigException before any plugin ran or any cache file was made; "
                        + "valid ones ran with exactly the joined CNI_ARGS")
                .write();
    }

    private static CniInvoker invoker(Path cache) {
        return CniInvoker.builder().pluginDirs(List.of(PLUGINS)).cacheDir(cache).build();
    }

    private static NetworkConfigList list(String name) {
        return NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":" + quote(name)
                + ",\"plugins\":[{\"type\":\"recorder\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return sb.append('"').toString();
    }

    private static void assertRefusedBeforeAnything(String what, Consumer<CniInvoker> operation) throws IOException {
        TRIED.incrementAndGet();
        Files.deleteIfExists(RAN);
        Path cache = Files.createTempDirectory(ROOT, "cache");
        Throwable t = catchThrowable(() -> operation.accept(invoker(cache)));
        assertThat(t).as(what).isInstanceOf(ConfigException.class);
        assertThat(RAN).as("%s: no plugin may run", what).doesNotExist();
        try (Stream<Path> files = Files.walk(cache)) {
            // Lock files (per valid network name, no data) may exist; nothing else may.
            assertThat(files.filter(p -> !p.equals(cache) && !cache.relativize(p).startsWith("locks")).toList())
                    .as(what).isEmpty();
        }
        try (Stream<Path> top = Files.list(ROOT)) {
            assertThat(top.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("cache"))).as(what)
                    .containsExactlyInAnyOrder("plugins");
        }
    }

    @Test
    void hostileNamesAreRefusedForEveryVerb() throws IOException {
        for (String bad : List.of("../../escape", "a/b", "x\u0000y", "x\ny", "..", "c".repeat(300))) {
            RuntimeConf byId = RuntimeConf.builder().containerId(bad).netNs("/proc/self/ns/net").ifName("eth0").build();
            RuntimeConf byIf = RuntimeConf.builder().containerId("c1").netNs("/proc/self/ns/net").ifName(bad).build();
            RuntimeConf ok = RuntimeConf.builder().containerId("c1").netNs("/proc/self/ns/net").ifName("eth0").build();
            assertRefusedBeforeAnything("ADD id " + bad, i -> i.add(list("net1"), byId));
            assertRefusedBeforeAnything("ADD ifname " + bad, i -> i.add(list("net1"), byIf));
            assertRefusedBeforeAnything("ADD network " + bad, i -> i.add(list(bad), ok));
            if (bad.contains("/") || bad.contains("\u0000")) {
                // DEL and CHECK validate nothing in libcni; cni4j still refuses what would leave the cache dir.
                assertRefusedBeforeAnything("DEL id " + bad, i -> i.del(list("net1"), byId));
                assertRefusedBeforeAnything("CHECK id " + bad, i -> i.check(list("net1"), byId));
                assertRefusedBeforeAnything("DEL network " + bad, i -> i.del(list(bad), ok));
            }
        }
    }

    private static Gen<String> argParts() {
        Gen<String> alpha = Gen.strings(Gen.alpha(), 0, 3);
        Gen<String> separators = Gen.of("=", ";", "\u0000", "\n", "\r", "=;");
        return Gen.oneOf(Gen.strings(Gen.alphanumeric(), 0, 6),
                r -> alpha.next(r) + separators.next(r) + alpha.next(r));
    }

    @Test
    void cniArgsWithSeparatorsAreRefusedOthersPassVerbatim() {
        Seeded.forAll(150, argParts(), argParts(), HostileRuntimeConfTest::refusedOrPassedVerbatim);
    }

    private static void refusedOrPassedVerbatim(String key, String value) throws IOException {
        RuntimeConf rt = RuntimeConf.builder().containerId("c1").netNs("/proc/self/ns/net").ifName("eth0")
                .addArg("IgnoreUnknown", "1").addArg(key, value).build();
        // Only what CNI_ARGS cannot carry is refused: NUL, ';' anywhere, '=' in a key (libcni passes the rest).
        boolean bad = key.chars().anyMatch(c -> "=;\u0000".indexOf(c) >= 0)
                || value.chars().anyMatch(c -> ";\u0000".indexOf(c) >= 0);
        if (bad) {
            assertRefusedBeforeAnything("CNI_ARGS " + key + "=" + value, i -> i.add(list("net1"), rt));
        } else {
            TRIED.incrementAndGet();
            Files.deleteIfExists(RAN);
            Path cache = Files.createTempDirectory(ROOT, "cache");
            invoker(cache).add(list("net1"), rt);
            assertThat(Files.readString(RAN)).isEqualTo("ADD\n");
            // What the invoker wrote is private to root, as Go's tools make it (or stricter).
            Path results = cache.resolve("results");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results.resolve("net1-c1-eth0"))))
                    .isEqualTo("rw-------");
        }
    }
}
