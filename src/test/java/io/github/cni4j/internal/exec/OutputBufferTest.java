package io.github.cni4j.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Bounded output collection against a plain in-memory model. */
class OutputBufferTest {

    @Property(tries = 300)
    void tailKeepsExactlyTheLastBytes(@ForAll @IntRange(min = 0, max = 300) int max,
                                      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 500) Integer> chunks) {
        OutputBuffer tail = OutputBuffer.tail(max);
        byte[] all = feed(tail, chunks);
        byte[] expected = Arrays.copyOfRange(all, Math.max(0, all.length - max), all.length);
        assertThat(tail.toBytes()).isEqualTo(expected);
        assertThat(tail.overflow()).isFalse();
    }

    @Property(tries = 300)
    void headKeepsTheFirstBytesAndFlagsMore(
            @ForAll @IntRange(min = 0, max = 300) int max,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 500) Integer> chunks) {
        OutputBuffer head = OutputBuffer.head(max);
        byte[] all = feed(head, chunks);
        assertThat(head.toBytes()).isEqualTo(Arrays.copyOf(all, Math.min(max, all.length)));
        assertThat(head.overflow()).isEqualTo(all.length > max);
    }

    private static byte[] feed(OutputBuffer buffer, List<Integer> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int next = 0;
        try (Memory mem = new Memory(600)) {
            for (int size : chunks) {
                byte[] chunk = new byte[size];
                for (int i = 0; i < size; i++) {
                    chunk[i] = (byte) next++;
                }
                mem.write(7, chunk, 0, size);
                boolean ok = buffer.append(mem, 7, size);
                all.write(chunk, 0, size);
                if (!ok) {
                    break;
                }
            }
        }
        return all.toByteArray();
    }
}
