package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.IncompatibleVersionException;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.internal.result.ResultCodec;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips, conversions and robustness against arbitrary input. */
class ResultPropertiesTest {

    @Provide
    Arbitrary<Result> anyResult() {
        return ResultArbitraries.any();
    }

    @Property(tries = 400)
    void encodingRoundTrips(@ForAll("anyResult") Result r) {
        assertThat(Result.fromBytes(r.toBytes())).isEqualTo(r);
        assertThat(Result.fromBytes(r.toBytes(), "1.1.0")).isEqualTo(r);
    }

    @Property(tries = 200)
    void sortedCacheFormParsesToTheSameResult(@ForAll("anyResult") Result r) throws IOException {
        byte[] sorted = ResultCodec.sortedBytes(r);
        assertThat(Result.fromBytes(sorted)).isEqualTo(r);
        assertThat(JsonTrees.MAPPER.readTree(sorted)).isEqualTo(JsonTrees.MAPPER.readTree(r.toBytes()));
    }

    @Provide
    Arbitrary<Result> result04() {
        return Arbitraries.of(CniVersion.V0_3_0, CniVersion.V0_3_1, CniVersion.V0_4_0)
                .flatMap(v -> ResultArbitraries.modern(v, true));
    }

    @Property(tries = 200)
    void from0xUpTo1xAndBackKeepsEverything(@ForAll("result04") Result r) {
        for (CniVersion up : List.of(CniVersion.V1_0_0, CniVersion.V1_1_0)) {
            assertThat(r.convertTo(up).convertTo(r.cniVersion())).isEqualTo(r);
        }
    }

    @Provide
    Arbitrary<Result> result02() {
        return Arbitraries.of(CniVersion.V0_1_0, CniVersion.V0_2_0).flatMap(v -> ResultArbitraries.legacy(v, true));
    }

    @Property(tries = 200)
    void fromLegacyUpAndBackKeepsEverythingWithAnAddress(@ForAll("result02") Result r) {
        for (CniVersion up : CniVersion.supported()) {
            if (r.ips().isEmpty() && up.isAtLeast(CniVersion.V0_3_0)) {
                continue;
            }
            assertThat(r.convertTo(up).convertTo(r.cniVersion())).as("via %s", up).isEqualTo(r);
        }
    }

    @Provide
    Arbitrary<Result> result1x() {
        return Arbitraries.of(CniVersion.V1_0_0, CniVersion.V1_1_0).flatMap(v -> ResultArbitraries.modern(v, true));
    }

    @Property(tries = 200)
    void from1xDownConvertsOrFailsWithLibcnisMessage(@ForAll("result1x") Result r) {
        for (CniVersion down : CniVersion.supported()) {
            try {
                Result d = r.convertTo(down);
                assertThat(d.cniVersion()).isEqualTo(down);
                assertThat(Result.fromBytes(d.toBytes())).isEqualTo(d);
            } catch (IncompatibleVersionException e) {
                assertThat(e.getMessage()).isEqualTo("cannot convert: no valid IP addresses");
                assertThat(r.ips()).isEmpty();
            }
        }
    }

    @Property(tries = 500)
    void arbitraryBytesGiveAResultOrAConfigException(@ForAll byte[] bytes) {
        parseOrConfigException(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutatedResults() {
        return ResultArbitraries.any().flatMap(r -> {
            byte[] json = r.toBytes();
            return Arbitraries.integers().between(0, Math.max(0, json.length - 1))
                    .flatMap(at -> Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "0", "-", "null", "1.5",
                            "\"x\"", "[1]", "{}", "\\", "\u00e9").map(ins -> {
                                String s = new String(json, StandardCharsets.UTF_8);
                                int cut = Math.min(at, s.length());
                                return (s.substring(0, cut) + ins + s.substring(Math.min(s.length(), cut + 1)))
                                        .getBytes(StandardCharsets.UTF_8);
                            }));
        });
    }

    @Property(tries = 500)
    void mutatedResultsGiveAResultOrAConfigException(@ForAll("mutatedResults") byte[] bytes) {
        parseOrConfigException(bytes);
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
