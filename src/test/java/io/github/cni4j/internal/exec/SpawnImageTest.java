package io.github.cni4j.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

/** The argv/envp image: the same bytes as Java's UTF-8 encoder, behind NULL-terminated pointer tables. */
class SpawnImageTest {

    @Test
    void entriesAreUtf8LikeTheJdkEncodesThem() {
        Seeded.forAll(200, Gen.maps(Gen.strings(Gen.chars('A', 'Z'), 1, 8),
                Gen.strings(Gen.chars('\u0001', '\uffff'), 0, 12), 6), SpawnImageTest::encodesLikeTheJdk);
    }

    private static void encodesLikeTheJdk(Map<String, String> env) {
        Map<String, String> ordered = new LinkedHashMap<>(env);
        SpawnImage image = new SpawnImage("/opt/cni/bin/x", ordered);
        // Twice: an image does not depend on an earlier one.
        for (SpawnImage img : new SpawnImage[] {image, new SpawnImage("/opt/cni/bin/x", ordered)}) {
            try (Memory mem = new Memory(img.size() + 8)) {
                long[] addr = img.write(mem, 8);
                long base = Pointer.nativeValue(mem);
                assertThat(cString(addr[0])).isEqualTo("/opt/cni/bin/x".getBytes(StandardCharsets.UTF_8));
                assertThat(mem.getLong(addr[1] - base)).isEqualTo(addr[0]);
                assertThat(mem.getLong(addr[1] - base + 8)).isZero();
                int i = 0;
                for (Map.Entry<String, String> e : ordered.entrySet()) {
                    long p = mem.getLong(addr[2] - base + 8L * i++);
                    byte[] expected = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
                    assertThat(cString(p)).isEqualTo(expected);
                }
                assertThat(mem.getLong(addr[2] - base + 8L * i)).isZero();
            }
        }
    }

    @Test
    void aPluginEnvironmentPointsAtTheSharedParentThenItsOwnVariables() {
        Map<String, String> env = PluginEnv.of("ADD", "c\u00e9", "/var/run/netns/x", "eth0", "K=V", "/opt/cni/bin");
        SpawnImage img = new SpawnImage("/opt/cni/bin/x", env);
        try (Memory mem = new Memory(img.size())) {
            long[] addr = img.write(mem, 0);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; mem.getLong(addr[2] - addr[1] + 8L * i) != 0; i++) {
                seen.add(new String(cString(mem.getLong(addr[2] - addr[1] + 8L * i)), StandardCharsets.UTF_8));
            }
            java.util.Set<String> expected = new java.util.HashSet<>();
            env.forEach((k, v) -> expected.add(k + "=" + v));
            assertThat(seen).isEqualTo(expected).contains("CNI_CONTAINERID=c\u00e9", "CNI_ARGS=K=V");
            assertThat(env).hasSize(expected.size()).containsEntry("CNI_COMMAND", "ADD")
                    .isEqualTo(Map.copyOf(env));
        }
    }

    private static byte[] cString(long address) {
        Pointer p = new Pointer(address);
        int n = 0;
        while (p.getByte(n) != 0) {
            n++;
        }
        return p.getByteArray(0, n);
    }

    @Test
    void badNamesAndNulCharactersAreCallerBugs() {
        Seeded.forAll(20, Gen.strings(Gen.anyChar(), 0, 5), suffix -> {
            assertThatThrownBy(() -> new SpawnImage("/x", Map.of("A=B" + suffix, "v")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SpawnImage("/x", Map.of("NUL_TEST", "a\0" + suffix)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        });
    }
}
