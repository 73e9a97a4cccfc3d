package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
            NetworkConfigList::fromBytes, b -> NetworkConfigList.of(PluginConfig.fromBytes(b)),
            PluginConfig::fromBytes);
    private static final AtomicLong TRIED = new AtomicLong();

    @AfterAll
    static void recordFigures() {
        Figures.of("bad-input", "config-mutations")
                .scenario("seeded generators: a real conflist cut, spliced with hostile fragments (NUL, BOM, 1e400, 2^64, lone "
                        + "surrogates, duplicate keys), byte-flipped and wrapped in deep nesting")
                .count(TRIED.get(), "parses")
                .lost(0, "every parse a value or a ConfigException on a 256 KiB stack")
                .write();
    }

    private static Gen<byte[]> damaged() {
        int n = BASE.length();
        Gen<Integer> positions = Gen.ints(0, n);
        Gen<Integer> cuts = Gen.ints(0, 8);
        Gen<String> fragments = Gen.of(FRAGMENTS);
        Gen<byte[]> spliced = r -> {
            int at = positions.next(r);
            int cut = cuts.next(r);
            String f = fragments.next(r);
            return (BASE.substring(0, at) + f + BASE.substring(Math.min(n, at + cut))).getBytes(StandardCharsets.UTF_8);
        };
        Gen<Integer> flipAt = Gen.ints(0, n - 1);
        Gen<Integer> byteValues = Gen.ints(0, 255);
        Gen<byte[]> flipped = r -> {
            int at = flipAt.next(r);
            int b = byteValues.next(r);
            byte[] bytes = BASE.getBytes(StandardCharsets.UTF_8);
            bytes[at] = (byte) b;
            return bytes;
        };
        Gen<byte[]> wrapped = Gen.ints(200, 20_000).map(depth -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(BASE.substring(0, n - 2).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(",\"x\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes("[".repeat(depth).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("]".repeat(depth).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("}]}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        });
        Gen<byte[]> cut = Gen.ints(0, n).map(at -> BASE.substring(0, at).getBytes(StandardCharsets.UTF_8));
        return Gen.oneOf(spliced, flipped, wrapped, cut);
    }

    @Test
    void damagedConfigsGiveAValueOrAConfigException() {
        Seeded.forAll(400, damaged(), HostileConfigPropertiesTest::givesAValueOrAConfigException);
    }

    private static void givesAValueOrAConfigException(byte[] input) {
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
