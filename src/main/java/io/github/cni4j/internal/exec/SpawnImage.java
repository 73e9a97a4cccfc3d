package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.github.cni4j.internal.json.TextBuffers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The C strings of one spawn, {@code path}, then {@code argv = {path, NULL}} and {@code envp = {"K=V", ..., NULL}},
 * encoded as UTF-8 into one Java array and written to native memory with a single copy (no per-string native
 * allocation, unlike JNA's {@code StringArray}). For a {@link PluginEnv.Env} only the six CNI variables are encoded:
 * the parent environment lives, encoded once, in a native block of its own that {@code envp} points into. Not
 * thread-safe; one per run.
 */
final class SpawnImage {

    private static final long[] NONE = {};

    /** Byte offsets of each string inside {@link #strings}: [0] is the path, then the environment entries. */
    private final int[] offsets;
    private final byte[] strings;
    /** Addresses of the shared parent entries, listed in {@code envp} before the entries of {@link #strings}. */
    private final long[] shared;

    SpawnImage(String path, Map<String, String> env) {
        boolean plugin = env instanceof PluginEnv.Env;
        List<String> keys = plugin ? PluginEnv.KEYS : List.copyOf(env.keySet());
        strings = TextBuffers.write(sb -> {
            append(sb, path, "plugin path");
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                entry(sb, key, plugin ? ((PluginEnv.Env) env).cni.get(i) : env.get(key));
            }
        });
        offsets = offsets(strings, keys.size() + 1);
        shared = plugin ? Parent.POINTERS : NONE;
    }

    /** Where each of {@code n} NUL-terminated strings starts (none holds a NUL of its own). */
    private static int[] offsets(byte[] strings, int n) {
        int[] offsets = new int[n];
        for (int i = 1, pos = 0; i < n; i++) {
            while (strings[pos++] != 0) {
                // to the end of string i - 1
            }
            offsets[i] = pos;
        }
        return offsets;
    }

    private static void entry(StringBuilder sb, String key, String value) {
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: \"" + key + "\"");
        }
        append(sb.append(key).append('='), value, "value of environment variable " + key);
    }

    /** Appends {@code s} and a terminating NUL; UTF-8 encoding turns a lone surrogate into '?', as the JDK does. */
    private static void append(StringBuilder sb, String s, String what) {
        if (s.indexOf(0) >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
        sb.append(s).append('\0');
    }

    /** Bytes {@link #write} needs: the pointer tables (argv 2, envp n + 1) then the strings. */
    long size() {
        return 8L * (2 + shared.length + offsets.length) + strings.length;
    }

    /**
     * Writes the tables and strings at {@code at} (8-aligned) and returns the addresses of path, argv and envp.
     */
    long[] write(Memory mem, long at) {
        long base = Pointer.nativeValue(mem) + at;
        long own = at + 16 + 8L * shared.length;
        long stringsAt = base + 8L * (2 + shared.length + offsets.length);
        mem.setLong(at, stringsAt);
        mem.setLong(at + 8, 0);
        mem.write(at + 16, shared, 0, shared.length);
        for (int i = 1; i < offsets.length; i++) {
            mem.setLong(own + 8L * (i - 1), stringsAt + offsets[i]);
        }
        mem.setLong(own + 8L * (offsets.length - 1), 0);
        mem.write(stringsAt - Pointer.nativeValue(mem), strings, 0, strings.length);
        return new long[] {stringsAt, base, base + 16};
    }

    /** {@link PluginEnv#PARENT} encoded once into native memory that lives as long as the JVM. */
    private static final class Parent {

        static final long[] POINTERS;
        @SuppressWarnings("unused") // keeps the block alive
        private static final Memory BLOCK;

        static {
            StringBuilder sb = new StringBuilder();
            PluginEnv.PARENT.forEach((k, v) -> {
                if (!k.isEmpty() && k.indexOf('=') < 0) {
                    entry(sb, k, v);
                }
            });
            byte[] all = sb.toString().getBytes(StandardCharsets.UTF_8);
            int[] offsets = offsets(all, (int) sb.chars().filter(c -> c == 0).count());
            BLOCK = new Memory(Math.max(1, all.length));
            BLOCK.write(0, all, 0, all.length);
            POINTERS = new long[offsets.length];
            for (int i = 0; i < offsets.length; i++) {
                POINTERS[i] = Pointer.nativeValue(BLOCK) + offsets[i];
            }
        }
    }
}
