package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import java.util.Arrays;

/**
 * Collects one output pipe of a native run, bounded: either the first {@code max} bytes (stdout, where more is an
 * error) or the last {@code max} bytes (stderr, where the end holds the message). Bytes are copied straight from
 * the native read buffer into an array of exactly the first read's size, which is returned as it is when nothing
 * followed (most plugins write their answer in one go). Not thread-safe: owned by the thread running the plugin.
 */
final class OutputBuffer {

    private final int max;
    private final boolean keepTail;
    private byte[] buf = new byte[0];
    /** Bytes held. */
    private int count;
    /** Index of the oldest byte once the tail buffer has wrapped. */
    private int head;
    private boolean overflow;

    private OutputBuffer(int max, boolean keepTail) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        this.max = max;
        this.keepTail = keepTail;
    }

    /** The first {@code max} bytes; more sets {@link #overflow()}. */
    static OutputBuffer head(int max) {
        return new OutputBuffer(max, false);
    }

    /** The last {@code max} bytes. */
    static OutputBuffer tail(int max) {
        return new OutputBuffer(max, true);
    }

    /**
     * Appends {@code n} bytes read into native memory.
     *
     * @return false when a head buffer overflowed (the excess is dropped)
     */
    boolean append(Memory src, long offset, int n) {
        if (keepTail) {
            appendTail(src, offset, n);
            return true;
        }
        int room = max - count;
        int take = Math.min(room, n);
        ensure(count + take);
        src.read(offset, buf, count, take);
        count += take;
        if (take < n) {
            overflow = true;
            return false;
        }
        return true;
    }

    private void appendTail(Memory src, long offset, int n) {
        if (max == 0) {
            return;
        }
        if (n >= max) {
            ensure(max);
            src.read(offset + n - max, buf, 0, max);
            head = 0;
            count = max;
            return;
        }
        ensure(Math.min(max, count + n));
        if (head == 0 && count + n <= buf.length) {
            src.read(offset, buf, count, n);
            count += n;
            return;
        }
        // Full (buf.length == max): overwrite the oldest bytes, ring style.
        int pos = (head + count) % max;
        int first = Math.min(n, max - pos);
        src.read(offset, buf, pos, first);
        src.read(offset + first, buf, 0, n - first);
        int total = count + n;
        if (total > max) {
            head = (head + total - max) % max;
            count = max;
        } else {
            count = total;
        }
    }

    private void ensure(int needed) {
        if (needed > buf.length) {
            int size = buf.length == 0 ? needed : Math.max(buf.length * 2, needed);
            buf = Arrays.copyOf(buf, Math.min(size, max));
        }
    }

    boolean overflow() {
        return overflow;
    }

    /** The bytes held, oldest first, in an array of exactly that size (the buffer itself when it fits exactly). */
    byte[] toBytes() {
        if (head == 0) {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
        byte[] out = new byte[count];
        int first = Math.min(count, buf.length - head);
        System.arraycopy(buf, head, out, 0, first);
        System.arraycopy(buf, 0, out, first, count - first);
        return out;
    }
}
