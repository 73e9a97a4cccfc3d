package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.NetworkConfig;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random damage to real configs (cuts, hostile fragments spliced in, byte flips, deep wrapping): every parser gives
 * a value or a {@link ConfigException}, nothing else, on a small stack.
 */
class HostileConfigPropertiesTest {

    private static final String BASE = "{\"cniVersion\":\"1.0.0\",\"name\":\"c4jnet\",\"plugins\":[{\"type\":"
            + "\"bridge\",\"bridge\":\"cni0\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"ranges\":"
            + "[[{\"subnet\":\"10.88.0.0/16\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}},{\"type\":\"portmap\","
            + "\"capabilities\":{\"portMappings\":true}}]}";
    private static final List<String> FRAGMENTS = List.of("\u0000", "\ufeff", "1e400", "18446744073709551616",
            "-0", "\"\\ud800\"", "[[[[[[[[", "}}}}", ",,", "\"type\":\"../../bin/sh\"", "\"name\":\"a\",\"name\":\"b\"",
            "null", "\"\\u0000\"", "\n", "\r\n", "\u2028", "\t", "true", "{\"a\":", "\\");
    private static final List<Function<byte[], Object>> PARSERS = List.of(
            NetworkConfigList::fromBytes, NetworkConfig::fromBytes, PluginConfig::fromBytes);
    private static final AtomicLong TRIED = new AtomicLong();

    @AfterContainer
    static void recordFigures() {
        Figures.of("bad-input", "config-mutations")
                .scenario("jqwik: a real conflist cut, spliced with hostile fragments (NUL, BOM, 1e400, 2^64, lone "
                        + "surrogates, duplicate keys), byte-flipped and wrapped in deep nesting")
                .count(TRIED.get(), "parses")
                .lost(0, "every parse a value or a ConfigException on a 256 KiB stack")
                .write();
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        int n = BASE.length();
        Arbitrary<byte[]> spliced = Combinators.combine(Arbitraries.integers().between(0, n),
                Arbitraries.integers().between(0, 8), Arbitraries.of(FRAGMENTS))
                .as((at, cut, f) -> (BASE.substring(0, at) + f + BASE.substring(Math.min(n, at + cut)))
                        .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                Arbitraries.integers().between(0, 255)).as((at, b) -> {
                    byte[] bytes = BASE.getBytes(StandardCharsets.UTF_8);
                    bytes[at] = (byte) b.intValue();
                    return bytes;
                });
        Arbitrary<byte[]> wrapped = Arbitraries.integers().between(200, 20_000).map(depth -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(BASE.substring(0, n - 2).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(",\"x\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes("[".repeat(depth).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("]".repeat(depth).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("}]}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        });
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, n)
                .map(at -> BASE.substring(0, at).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(spliced, flipped, wrapped, cut);
    }

    @Property(tries = 400)
    void damagedConfigsGiveAValueOrAConfigException(@ForAll("damaged") byte[] input) {
        for (Function<byte[], Object> parser : PARSERS) {
            TRIED.incrementAndGet();
            try {
                assertThat(HostileConfigTest.<Object>onSmallStack(() -> parser.apply(input))).isNotNull();
            } catch (ConfigException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("com.fasterxml");
            }
        }
    }
}
