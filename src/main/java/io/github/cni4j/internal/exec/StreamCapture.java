package io.github.cni4j.internal.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;

/**
 * Drains one child pipe to EOF on a pool thread, keeping either the first {@code limit} bytes (stdout: more is an
 * error the caller reports) or the last {@code limit} bytes (stderr: only the tail is useful). It always reads to the
 * end so that a chatty child never blocks on a full pipe.
 */
final class StreamCapture implements Callable<StreamCapture> {

    private final InputStream in;
    private final int limit;
    private final boolean keepTail;
    private byte[] kept = new byte[0];
    private boolean overflow;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    private StreamCapture(InputStream in, int limit, boolean keepTail) {
        this.in = in;
        this.limit = limit;
        this.keepTail = keepTail;
    }

    static StreamCapture head(InputStream in, int limit) {
        return new StreamCapture(in, limit, false);
    }

    static StreamCapture tail(InputStream in, int limit) {
        return new StreamCapture(in, limit, true);
    }

    @Override
    public StreamCapture call() {
        byte[] buf = new byte[8192];
        TailBuffer tail = keepTail ? new TailBuffer(limit) : null;
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (tail != null) {
                    tail.append(buf, n);
                } else {
                    appendHead(buf, n);
                }
            }
        } catch (IOException e) {
            // The pipe broke (the child was killed or the stream closed under us): keep what arrived.
        }
        synchronized (this) {
            kept = tail != null ? tail.toByteArray() : head.toByteArray();
        }
        return this;
    }

    private void appendHead(byte[] buf, int n) {
        int room = limit - head.size();
        if (n > room) {
            overflow = true;
        }
        if (room > 0) {
            head.write(buf, 0, Math.min(n, room));
        }
    }

    synchronized byte[] bytes() {
        return kept;
    }

    synchronized boolean overflow() {
        return overflow;
    }

    /** A ring buffer holding the last {@code capacity} bytes written. */
    private static final class TailBuffer {
        private final byte[] ring;
        private long written;

        TailBuffer(int capacity) {
            ring = new byte[capacity];
        }

        void append(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (written++ % ring.length)] = buf[i];
            }
        }

        byte[] toByteArray() {
            int size = (int) Math.min(written, ring.length);
            byte[] out = new byte[size];
            long start = written - size;
            for (int i = 0; i < size; i++) {
                out[i] = ring[(int) ((start + i) % ring.length)];
            }
            return out;
        }
    }
}
