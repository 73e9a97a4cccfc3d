package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile config files: every one is refused with a {@link ConfigException} (or read exactly as Go reads it), never
 * a StackOverflowError, an OutOfMemoryError or a raw Jackson exception; parsing runs on a thread with a deliberately
 * small stack to prove that nesting cannot exhaust it.
 */
class HostileConfigTest {

    /** Stack of the parsing thread: far below the JVM default, so any recursion over the input would overflow. */
    private static final long SMALL_STACK = 256 * 1024;
    private static final String VALID = "{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"plugins\":[{\"type\":\"bridge\"}]}";
    private static final List<Function<byte[], Object>> PARSERS = List.of(
            NetworkConfigList::fromBytes, b -> NetworkConfigList.of(PluginConfig.fromBytes(b)),
            PluginConfig::fromBytes);
    private static final Map<String, Long> TRIED = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @AfterAll
    static void recordFigures() {
        long total = TRIED.values().stream().mapToLong(Long::longValue).sum();
        Figures.of("bad-input", "config-files")
                .scenario("hostile config bytes through NetworkConfigList/PluginConfig.fromBytes, NetworkConfigList.of, "
                        + "fromFile and ConfLoader: 10^5-deep nesting, 50 MB files, duplicate keys, invalid UTF-8, "
                        + "1e400 and 2^64, BOMs, UTF-16, NUL bytes")
                .count(total, "parses")
                .lost(0, "every parse ended in a value or a ConfigException (no StackOverflowError/OOM/raw "
                        + "Jackson error) on a 256 KiB stack")
                .fact("kinds", String.join(", ", TRIED.keySet()))
                .write();
    }

    @Test
    void hundredThousandLevelsOfNestingAreRefusedOnASmallStack() {
        int depth = 100_000;
        byte[] arrays = ("{\"name\":\"n\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] objects = ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        byte[] unclosed = "[".repeat(depth).getBytes(StandardCharsets.US_ASCII);
        byte[] inPlugins = ("{\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\",\"ipam\":" + "{\"a\":".repeat(depth)
                + "}".repeat(depth) + "}]}").getBytes(StandardCharsets.US_ASCII);
        for (byte[] input : List.of(arrays, objects, unclosed, inPlugins)) {
            assertRefusedByAll("nesting", input, "deeper than 256 levels");
        }
    }

    @Test
    void fiftyMegabyteFilesAreRefusedWithoutReadingThemWhole() throws IOException {
        Path big = dir.resolve("big.conflist");
        byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            out.write("{\"name\":\"n\",\"x\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\",\"plugins\":[{\"type\":\"bridge\"}]}".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(big)).isGreaterThan(50L << 20);
        count("50 MB file");
        assertThatThrownBy(() -> onSmallStack(() -> NetworkConfigList.fromFile(big)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(big.toString())
                .hasMessageContaining("larger than the limit");
        count("50 MB conf dir entry");
        assertThatThrownBy(() -> onSmallStack(() -> ConfLoader.loadAll(dir)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("larger than the limit");
        byte[] inMemory = new byte[50 << 20];
        java.util.Arrays.fill(inMemory, (byte) ' ');
        assertRefusedByAll("50 MB bytes", inMemory, "larger than the limit");
    }

    @Test
    void negativeZeroAnywhereIsNoRawError() {
        for (String doc : List.of("-0", "[-0]", " -0 ", "{\"name\":\"n\",\"x\":-0,\"plugins\":[{\"type\":\"t\",\"m\":[-0]}]}")) {
            for (Function<byte[], Object> parser : PARSERS) {
                count("-0");
                try {
                    onSmallStack(() -> parser.apply(doc.getBytes(StandardCharsets.US_ASCII)));
                } catch (ConfigException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void duplicateKeysResolveLikeGoLastOneWins() {
        count("duplicate keys");
        NetworkConfigList list = NetworkConfigList.fromBytes(
                "{\"name\":\"first\",\"name\":\"second\",\"plugins\":[{\"type\":\"a\",\"type\":\"b\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        // Go plugins decode the same bytes with last-wins too: runtime and plugin never disagree on the type.
        assertThat(list.name()).isEqualTo("second");
        assertThat(list.plugins().get(0).type()).isEqualTo("b");
    }

    @Test
    void malformedEncodingsAreRefused() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        assertRefusedByAll("UTF-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid), null);
        assertRefusedByAll("UTF-16", VALID.getBytes(StandardCharsets.UTF_16LE), null);
        assertRefusedByAll("UTF-16 BOM", VALID.getBytes(StandardCharsets.UTF_16), null);
        assertRefusedByAll("bare 0xFF", concat(new byte[] {(byte) 0xFF}, valid), null);
        assertRefusedByAll("NUL before", concat(new byte[] {0}, valid), null);
        assertRefusedByAll("NUL after", concat(valid, new byte[] {0}), null);
        assertRefusedByAll("raw NUL in string",
                "{\"name\":\"a\u0000b\",\"plugins\":[{\"type\":\"x\"}]}".getBytes(StandardCharsets.UTF_8), null);
        assertRefusedByAll("raw newline in string",
                "{\"name\":\"a\nb\",\"plugins\":[{\"type\":\"x\"}]}".getBytes(StandardCharsets.UTF_8), null);
        assertRefusedByAll("empty", new byte[0], null);
        assertRefusedByAll("truncated", VALID.substring(0, 30).getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void invalidUtf8InsideStringsNeverEscapesAsARawError() {
        byte[] input = concat(concat("{\"name\":\"n\",\"x\":\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                "\",\"type\":\"bridge\",\"plugins\":[{\"type\":\"bridge\"}]}".getBytes(StandardCharsets.US_ASCII));
        for (Function<byte[], Object> parser : PARSERS) {
            count("invalid UTF-8 in string");
            // Go replaces invalid UTF-8 with U+FFFD; refusing it instead is also safe. Anything else is a bug.
            try {
                onSmallStack(() -> parser.apply(input));
            } catch (ConfigException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void numbersOutOfRangeAreRefusedOrReadAsGoReadsThem() {
        for (String n : List.of("1e400", "-1e400", "1" + "0".repeat(400))) {
            assertRefusedByAll("number " + n.length(), ("{\"name\":\"n\",\"x\":" + n
                    + ",\"type\":\"t\",\"plugins\":[{\"type\":\"t\"}]}").getBytes(StandardCharsets.US_ASCII),
                    "out of range");
        }
        assertRefusedByAll("1001-digit number", ("{\"name\":\"n\",\"x\":" + "1".repeat(1001)
                + ",\"type\":\"t\",\"plugins\":[{\"type\":\"t\"}]}").getBytes(StandardCharsets.US_ASCII), null);
        count("2^64");
        // 2^64 fits a float64, so Go's generic decode keeps it; it must not break the model either.
        NetworkConfigList list = NetworkConfigList.fromBytes(
                "{\"name\":\"n\",\"x\":18446744073709551616,\"plugins\":[{\"type\":\"t\",\"mtu\":18446744073709551616}]}"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(list.plugins()).hasSize(1);
        assertRefusedByAll("2^64 where a bool belongs", ("{\"name\":\"n\",\"disableCheck\":18446744073709551616,"
                + "\"plugins\":[{\"type\":\"t\"}]}").getBytes(StandardCharsets.US_ASCII), null);
    }

    @Test
    void hostileFilesInAConfDirAreReportedByName() throws IOException {
        Files.write(dir.resolve("10-deep.conflist"), ("[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("20-bom.conf"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                VALID.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("30-nul.json"), new byte[] {'{', 0, '}'});
        for (String name : List.of("10-deep.conflist", "20-bom.conf", "30-nul.json")) {
            count("conf dir file");
            Path file = dir.resolve(name);
            Function<byte[], Object> fromFile = name.endsWith(".conflist")
                    ? b -> NetworkConfigList.fromFile(file) : b -> PluginConfig.fromFile(file);
            assertThatThrownBy(() -> onSmallStack(() -> fromFile.apply(null)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(name);
        }
    }

    @Test
    void aFifoOrDeviceInTheConfDirDoesNotHangTheLoader() throws IOException, InterruptedException {
        Path confDir = java.nio.file.Files.createDirectories(dir.resolve("net.d"));
        Path fifo = confDir.resolve("10-fifo.conflist");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(confDir.resolve("20-zero.conf"), Path.of("/dev/zero"));
        for (Path p : List.of(fifo, confDir.resolve("20-zero.conf"))) {
            count("FIFO or device");
            Throwable t = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> org.assertj.core.api.Assertions.catchThrowable(() -> NetworkConfigList.fromFile(p)));
            assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining(p.toString());
        }
        count("FIFO or device");
        Throwable t = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> org.assertj.core.api.Assertions.catchThrowable(() -> ConfLoader.loadAll(confDir)));
        assertThat(t).isInstanceOf(ConfigException.class);
    }

    private static void assertRefusedByAll(String kind, byte[] input, String messagePart) {
        for (Function<byte[], Object> parser : PARSERS) {
            count(kind);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try {
                onSmallStack(() -> parser.apply(input));
            } catch (Throwable t) {
                thrown.set(t);
            }
            assertThat(thrown.get()).as("%s must be refused", kind).isInstanceOf(ConfigException.class);
            ConfigException e = (ConfigException) thrown.get();
            assertThat(e.getMessage()).as(kind).isNotBlank().doesNotContain("com.fasterxml");
            if (messagePart != null) {
                assertThat(e.getMessage()).as(kind).contains(messagePart);
            }
        }
    }

    private static synchronized void count(String kind) {
        TRIED.merge(kind.replaceAll(" [0-9]+$", ""), 1L, Long::sum);
    }

    /** Runs the parse on a fresh thread with a small stack and rethrows whatever it threw. */
    static <T> T onSmallStack(java.util.function.Supplier<T> parse) {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(parse.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack-parse", SMALL_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f != null) {
            throw new AssertionError("parse failed with " + f, f);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static List<String> triedKinds() {
        return new ArrayList<>(TRIED.keySet());
    }
}
