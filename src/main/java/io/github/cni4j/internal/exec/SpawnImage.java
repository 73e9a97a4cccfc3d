package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * The C strings of one spawn, {@code path}, then {@code argv = {path, NULL}} and {@code envp = {"K=V", ..., NULL}},
 * encoded as UTF-8 into one Java array and written to native memory with a single copy (no per-string native
 * allocation, unlike JNA's {@code StringArray}). Not thread-safe; one per run.
 */
final class SpawnImage {

    /** Byte offsets of each string inside {@link #strings}: [0] is the path, then the environment entries. */
    private final int[] offsets;
    private final byte[] strings;

    SpawnImage(String path, Map<String, String> env) {
        offsets = new int[env.size() + 1];
        int size = utf8Length(path) + 1;
        for (Map.Entry<String, String> e : env.entrySet()) {
            size += utf8Length(e.getKey()) + 1 + utf8Length(e.getValue()) + 1;
        }
        strings = new byte[size];
        int pos = put(path, 0, "plugin path");
        strings[pos++] = 0;
        int i = 1;
        for (Map.Entry<String, String> e : env.entrySet()) {
            offsets[i++] = pos;
            String key = e.getKey();
            if (key.isEmpty() || key.indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: \"" + key + "\"");
            }
            pos = put(key, pos, "environment variable name");
            strings[pos++] = '=';
            pos = put(e.getValue(), pos, "value of environment variable " + key);
            strings[pos++] = 0;
        }
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

    private int put(String s, int pos, String what) {
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
