package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
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
        byte[][] entries = new byte[keys.size() + 1][];
        entries[0] = encode(path, "plugin path");
        int size = entries[0].length;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            entries[i + 1] = entry(key, plugin ? ((PluginEnv.Env) env).cni.get(i) : env.get(key));
            size += entries[i + 1].length;
        }
        offsets = new int[entries.length];
        strings = join(entries, offsets, size);
        shared = plugin ? Parent.POINTERS : NONE;
    }

    private static byte[] join(byte[][] entries, int[] offsets, int size) {
        byte[] all = new byte[size];
        int pos = 0;
        for (int i = 0; i < entries.length; i++) {
            offsets[i] = pos;
            System.arraycopy(entries[i], 0, all, pos, entries[i].length);
            pos += entries[i].length;
        }
        return all;
    }

    private static byte[] entry(String key, String value) {
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: \"" + key + "\"");
        }
        return encode(key + "=" + value, "environment variable " + key);
    }

    /** {@code s} as UTF-8 (a lone surrogate becomes '?', as the JDK encodes it) and a terminating NUL. */
    private static byte[] encode(String s, String what) {
        if (s.indexOf(0) >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
        return (s + "\0").getBytes(StandardCharsets.UTF_8);
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
            byte[][] entries = PluginEnv.PARENT.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getKey().indexOf('=') < 0)
                    .map(e -> entry(e.getKey(), e.getValue())).toArray(byte[][]::new);
            int[] offsets = new int[entries.length];
            int size = 0;
            for (byte[] e : entries) {
                size += e.length;
            }
            BLOCK = new Memory(Math.max(1, size));
            BLOCK.write(0, join(entries, offsets, size), 0, size);
            POINTERS = new long[entries.length];
            for (int i = 0; i < entries.length; i++) {
                POINTERS[i] = Pointer.nativeValue(BLOCK) + offsets[i];
            }
        }
    }
}
