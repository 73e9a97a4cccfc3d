package io.github.cni4j.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Bounded output collection against a plain in-memory model. */
class OutputBufferTest {

    @Test
    void tailKeepsExactlyTheLastBytes() {
        Seeded.forAll(300, Gen.ints(0, 300), Gen.ints(0, 500).list(0, 12), (max, chunks) -> {
            OutputBuffer tail = OutputBuffer.tail(max);
            byte[] all = feed(tail, chunks);
            byte[] expected = Arrays.copyOfRange(all, Math.max(0, all.length - max), all.length);
            assertThat(tail.toBytes()).isEqualTo(expected);
            assertThat(tail.overflow()).isFalse();
        });
    }

    @Test
    void headKeepsTheFirstBytesAndFlagsMore() {
        Seeded.forAll(300, Gen.ints(0, 300), Gen.ints(0, 500).list(0, 12), (max, chunks) -> {
            OutputBuffer head = OutputBuffer.head(max);
            byte[] all = feed(head, chunks);
            assertThat(head.toBytes()).isEqualTo(Arrays.copyOf(all, Math.min(max, all.length)));
            assertThat(head.overflow()).isEqualTo(all.length > max);
        });
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
