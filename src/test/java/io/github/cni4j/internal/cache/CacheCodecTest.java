package io.github.cni4j.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tree-free reader of cache files agrees with itself in both modes and with the JDK's base64 decoder. */
class CacheCodecTest {

    private static final String ENTRY = "{\"kind\":\"cniCacheV1\",\"containerId\":\"c\",\"config\":\"e30=\","
            + "\"ifName\":\"eth0\",\"networkName\":\"n\",\"cniArgs\":[[\"K\",\"V\"]],\"capabilityArgs\":{\"mac\":\"x\"},"
            + "\"result\":{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.2/24\"}]}}";

    @Test
    void base64CheckAcceptsWhatTheDecoderAccepts() {
        Gen<String> texts = Gen.of('A', 'z', '0', '+', '/', '=', '-', ' ').list(0, 9)
                .map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
        Seeded.forAll(2000, texts, s -> {
            boolean decodes;
            try {
                Base64.getDecoder().decode(s);
                decodes = true;
            } catch (IllegalArgumentException e) {
                decodes = false;
            }
            char[] padded = ("#" + s + "#").toCharArray();
            assertThat(CacheCodec.isBase64(padded, 1, s.length())).as("%s", s).isEqualTo(decodes);
        });
    }

    @Test
    void resultOnlyReadAgreesWithTheFullReadOnEveryCutAndSplice() {
        Gen<String> mutated = Gen.ints(0, ENTRY.length()).flatMap(cut -> Gen.ints(cut, ENTRY.length())
                .flatMap(end -> Gen.of("", "\"config\":\"e3=\",", "\"config\":1,", "\"result\":[],", "}", "\"x\":{},")
                        .map(ins -> ENTRY.substring(0, cut) + ins + ENTRY.substring(end))));
        Seeded.forAll(2000, mutated, s -> {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            Optional<CacheCodec.Read> all = CacheCodec.read(bytes, true);
            Optional<CacheCodec.Read> some = CacheCodec.read(bytes, false);
            assertThat(some.isPresent()).as("%s", s).isEqualTo(all.isPresent());
            all.ifPresent(a -> assertThat(some.get().result()).as("%s", s).isEqualTo(a.result()));
        });
    }

    @Test
    void theResultIsTheObjectsTextAndTheLastDuplicateWins() {
        byte[] bytes = ENTRY.replace("\"result\":", "\"result\":{\"cniVersion\":\"0.4.0\"},\"result\":")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(CacheCodec.read(bytes, false).orElseThrow().result(), StandardCharsets.UTF_8))
                .isEqualTo("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.2/24\"}]}");
        assertThat(CacheCodec.read(ENTRY.replace("\"result\":{", "\"result\":null,\"x\":{")
                .getBytes(StandardCharsets.UTF_8), false).orElseThrow().result()).isNull();
    }
}
