package io.github.cni4j.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes a document into a {@link StringBuilder} the thread keeps and returns its UTF-8 bytes: every stdin, result
 * and cache file of an ADD+DEL is written this way, and a fresh builder grown to each one's size cost more than the
 * bytes themselves. A nested call (a writer that calls another) gets a builder of its own.
 */
public final class TextBuffers {

    /** A builder that grew past this (a huge document) is not kept. */
    private static final int KEEP_CHARS = 64 * 1024;
    private static final ThreadLocal<StringBuilder[]> KEPT = ThreadLocal.withInitial(() -> new StringBuilder[1]);

    private TextBuffers() {
    }

    /**
     * Runs {@code body} on an empty builder and encodes what it wrote.
     *
     * @param body the writer
     * @return the UTF-8 bytes
     */
    public static byte[] write(Consumer<StringBuilder> body) {
        StringBuilder[] slot = KEPT.get();
        StringBuilder sb = slot[0] == null ? new StringBuilder(1024) : slot[0];
        slot[0] = null;
        try {
            sb.setLength(0);
            body.accept(sb);
            return utf8(sb);
        } finally {
            if (sb.capacity() <= KEEP_CHARS) {
                slot[0] = sb;
            }
        }
    }

    /** ASCII, which JSON written by Go's rules nearly always is, is copied once instead of through a String. */
    private static byte[] utf8(StringBuilder sb) {
        int n = sb.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = sb.charAt(i);
            if (c >= 0x80) {
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            out[i] = (byte) c;
        }
        return out;
    }
}
