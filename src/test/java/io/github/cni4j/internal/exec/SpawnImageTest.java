package io.github.cni4j.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The argv/envp image: the same bytes as Java's UTF-8 encoder, behind NULL-terminated pointer tables. */
class SpawnImageTest {

    @Property(tries = 200)
    void entriesAreUtf8LikeTheJdkEncodesThem(
            @ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 8) @CharRange(from = 'A', to = 'Z') String,
                    @StringLength(max = 12) @CharRange(from = 1, to = 0xffff) String> env) {
        Map<String, String> ordered = new LinkedHashMap<>(env);
        SpawnImage image = new SpawnImage("/opt/cni/bin/x", ordered);
        // Twice: the second image comes from the cache of encoded entries.
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

    private static byte[] cString(long address) {
        Pointer p = new Pointer(address);
        int n = 0;
        while (p.getByte(n) != 0) {
            n++;
        }
        return p.getByteArray(0, n);
    }

    @Property(tries = 20)
    void badNamesAndNulCharactersAreCallerBugs(@ForAll @StringLength(max = 5) String suffix) {
        assertThatThrownBy(() -> new SpawnImage("/x", Map.of("A=B" + suffix, "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpawnImage("/x", Map.of("NUL_TEST", "a\0" + suffix)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }
}
