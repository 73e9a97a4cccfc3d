package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The C strings of one spawn, {@code path}, then {@code argv = {path, NULL}} and {@code envp = {"K=V", ..., NULL}},
 * encoded as UTF-8 into one Java array and written to native memory with a single copy (no per-string native
 * allocation, unlike JNA's {@code StringArray}). Not thread-safe; one per run.
 */
final class SpawnImage {

    /** Encoded {@code K=V\0} entries by key; the parent environment repeats in every run, so encode it once. */
    private static final ConcurrentHashMap<String, Encoded> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 512;

    /** One encoded entry and the value it was encoded from. */
    private record Encoded(String value, byte[] bytes) {
    }

    /** Byte offsets of each string inside {@link #strings}: [0] is the path, then the environment entries. */
    private final int[] offsets;
    private final byte[] strings;

    SpawnImage(String path, Map<String, String> env) {
        offsets = new int[env.size() + 1];
        byte[][] entries = new byte[env.size()][];
        int size = utf8Length(path) + 1;
        int i = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            entries[i] = entry(e.getKey(), e.getValue());
            size += entries[i++].length;
        }
        strings = new byte[size];
        int pos = encode(path, strings, 0, "plugin path");
        strings[pos++] = 0;
        for (i = 0; i < entries.length; i++) {
            offsets[i + 1] = pos;
            System.arraycopy(entries[i], 0, strings, pos, entries[i].length);
            pos += entries[i].length;
        }
    }

    private static byte[] entry(String key, String value) {
        Encoded cached = CACHE.get(key);
        if (cached != null && cached.value.equals(value)) {
            return cached.bytes;
        }
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: \"" + key + "\"");
        }
        byte[] bytes = new byte[utf8Length(key) + 1 + utf8Length(value) + 1];
        int pos = encode(key, bytes, 0, "environment variable name");
        bytes[pos++] = '=';
        encode(value, bytes, pos, "value of environment variable " + key);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, new Encoded(value, bytes));
        }
        return bytes;
    }

    /** Bytes {@link #write} needs: the pointer tables (argv 2, envp n + 1) then the strings. */
    long size() {
        return 8L * (2 + offsets.length) + strings.length;
    }

    /**
     * Writes the tables and strings at {@code at} (8-aligned) and returns the addresses of path, argv and envp.
     */
    long[] write(Memory mem, long at) {
        long base = Pointer.nativeValue(mem) + at;
        int pointers = 2 + offsets.length;
        long stringsAt = base + 8L * pointers;
        long[] table = new long[pointers];
        table[0] = stringsAt;
        table[1] = 0;
        for (int i = 1; i < offsets.length; i++) {
            table[1 + i] = stringsAt + offsets[i];
        }
        table[pointers - 1] = 0;
        mem.write(at, table, 0, pointers);
        mem.write(at + 8L * pointers, strings, 0, strings.length);
        return new long[] {stringsAt, base, base + 16};
    }

    private static int encode(String s, byte[] strings, int pos, String what) {
        int p = pos;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(what + " contains a NUL character");
            }
            if (c < 0x80) {
                strings[p++] = (byte) c;
            } else if (c < 0x800) {
                strings[p++] = (byte) (0xc0 | c >> 6);
                strings[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                strings[p++] = (byte) (0xf0 | cp >> 18);
                strings[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                strings[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                strings[p++] = (byte) (0x80 | cp & 0x3f);
            } else {
                // A lone surrogate becomes '?', as String.getBytes(UTF_8) does.
                char d = Character.isSurrogate(c) ? '?' : c;
                if (d == '?') {
                    strings[p++] = '?';
                } else {
                    strings[p++] = (byte) (0xe0 | d >> 12);
                    strings[p++] = (byte) (0x80 | d >> 6 & 0x3f);
                    strings[p++] = (byte) (0x80 | d & 0x3f);
                }
            }
        }
        return p;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return n;
    }
}
