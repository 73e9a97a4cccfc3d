package io.github.cni4j.result;

import io.github.cni4j.testing.FailureKinds;
import io.github.cni4j.error.CniException;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Round trips, conversions and robustness against arbitrary input. */
class ResultPropertiesTest {

    @Test
    void encodingRoundTrips() {
        Seeded.forAll(400, ResultGens.any(), r -> {
            assertThat(Result.fromBytes(r.toBytes())).isEqualTo(r);
            assertThat(Result.fromBytes(r.toBytes(), "1.1.0")).isEqualTo(r);
        });
    }

    @Test
    void cacheFileFormParsesToTheSameResult() {
        Seeded.forAll(200, ResultGens.any(), ResultPropertiesTest::cacheFormParsesToTheSameResult);
    }

    /** The cache file holds the result as after libcni's trip through a generic map: every key sorted. */
    private static void cacheFormParsesToTheSameResult(Result r) throws IOException {
        byte[] file = CacheCodec.encode(CachedAttachment.builder().containerId("c").networkName("n").ifName("eth0")
                .result(r).build());
        JsonNode cached = JsonTrees.mapper().readTree(file).get("result");
        assertThat(new String(file, StandardCharsets.UTF_8)).endsWith(
                ",\"result\":" + new String(GoJson.encode(cached), StandardCharsets.UTF_8) + "}");
        assertThat(cached).isEqualTo(JsonTrees.mapper().readTree(r.toBytes()));
        assertThat(CacheCodec.decode(file).flatMap(CachedAttachment::result)).contains(r);
        assertThat(CacheCodec.result(GoJson.encode(cached))).isEqualTo(r);
    }

    private static Gen<Result> result04() {
        return Gen.of(CniVersion.V0_3_0, CniVersion.V0_3_1, CniVersion.V0_4_0)
                .flatMap(v -> ResultGens.modern(v, true));
    }

    @Test
    void from0xUpTo1xAndBackKeepsEverything() {
        Seeded.forAll(200, result04(), r -> {
            for (CniVersion up : List.of(CniVersion.V1_0_0, CniVersion.V1_1_0)) {
                assertThat(r.convertTo(up).convertTo(r.cniVersion())).isEqualTo(r);
            }
        });
    }

    private static Gen<Result> result02() {
        return Gen.of(CniVersion.V0_1_0, CniVersion.V0_2_0).flatMap(v -> ResultGens.legacy(v, true));
    }

    @Test
    void fromLegacyUpAndBackKeepsEverythingWithAnAddress() {
        Seeded.forAll(200, result02(), r -> {
            for (CniVersion up : CniVersion.supported()) {
                if (r.ips().isEmpty() && up.isAtLeast(CniVersion.V0_3_0)) {
                    continue;
                }
                assertThat(r.convertTo(up).convertTo(r.cniVersion())).as("via %s", up).isEqualTo(r);
            }
        });
    }

    private static Gen<Result> result1x() {
        return Gen.of(CniVersion.V1_0_0, CniVersion.V1_1_0).flatMap(v -> ResultGens.modern(v, true));
    }

    @Test
    void from1xDownConvertsOrFailsWithLibcnisMessage() {
        Seeded.forAll(200, result1x(), ResultPropertiesTest::downConvertsOrFailsWithLibcnisMessage);
    }

    private static void downConvertsOrFailsWithLibcnisMessage(Result r) {
        for (CniVersion down : CniVersion.supported()) {
            try {
                Result d = r.convertTo(down);
                assertThat(d.cniVersion()).isEqualTo(down);
                assertThat(Result.fromBytes(d.toBytes())).isEqualTo(d);
            } catch (CniException e) {
                assertThat(e).is(FailureKinds.INCOMPATIBLE_VERSION);
                assertThat(e.getMessage()).isEqualTo("cannot convert: no valid IP addresses");
                assertThat(r.ips()).isEmpty();
            }
        }
    }

    @Test
    void arbitraryBytesGiveAResultOrAConfigException() {
        Seeded.forAll(500, Gen.bytes(0, 255), ResultPropertiesTest::parseOrConfigException);
    }

    private static Gen<byte[]> mutatedResults() {
        return ResultGens.any().flatMap(r -> {
            byte[] json = r.toBytes();
            return Gen.ints(0, Math.max(0, json.length - 1))
                    .flatMap(at -> Gen.of("", "\"", "{", "}", "[", "]", ",", ":", "0", "-", "null", "1.5",
                            "\"x\"", "[1]", "{}", "\\", "\u00e9").map(ins -> {
                                String s = new String(json, StandardCharsets.UTF_8);
                                int cut = Math.min(at, s.length());
                                return (s.substring(0, cut) + ins + s.substring(Math.min(s.length(), cut + 1)))
                                        .getBytes(StandardCharsets.UTF_8);
                            }));
        });
    }

    @Test
    void mutatedResultsGiveAResultOrAConfigException() {
        Seeded.forAll(500, mutatedResults(), ResultPropertiesTest::parseOrConfigException);
    }

    private static void parseOrConfigException(byte[] bytes) {
        for (String fallback : new String[] {null, "", "0.4.0", "1.1.0"}) {
            try {
                Result r = fallback == null ? Result.fromBytes(bytes) : Result.fromBytes(bytes, fallback);
                assertThat(Result.fromBytes(r.toBytes())).isEqualTo(r);
            } catch (ConfigException e) {
                assertThat(e.code()).isEqualTo(6);
                assertThat(e.msg()).isNotBlank();
            }
        }
    }
}
