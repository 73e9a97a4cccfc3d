package io.github.cni4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Inputs shared by the benchmarks: the conflists, and a no-op CNI plugin compiled from C with gcc (static where the
 * C library allows it). {@code run.sh} compiles the plugin once and passes {@code -Dcni4j.bench.plugin=<path>}; without
 * it (the smoke run) the plugin is compiled here, or, without gcc, replaced by a shell script so the smoke run still
 * exercises every code path.
 */
public final class Fixtures {

    /** The system property naming a prebuilt no-op plugin. */
    public static final String PLUGIN_PROPERTY = "cni4j.bench.plugin";
    private static Path plugin;
    private static final java.util.List<Path> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // Benchmark forks end by System.exit; every temp dir they made goes with them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(Fixtures::deleteTree), "c4j-bench-cleanup"));
    }

    private static Path track(Path dir) {
        CREATED.add(dir);
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }

    private Fixtures() {
    }

    /** The bytes of a resource next to this class. */
    public static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The no-op plugin binary. */
    public static synchronized Path noopPlugin() {
        if (plugin == null) {
            String given = System.getProperty(PLUGIN_PROPERTY);
            plugin = given != null ? Path.of(given) : build();
        }
        return plugin;
    }

    /** A fresh directory holding the no-op plugin as {@code noop}. */
    public static Path pluginDir() {
        try {
            Path dir = track(Files.createTempDirectory("c4j-bench-plugins"));
            Files.copy(noopPlugin(), dir.resolve("noop"));
            Files.setPosixFilePermissions(dir.resolve("noop"), PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty temporary directory. */
    public static Path tempDir(String prefix) {
        try {
            return track(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh directory on tmpfs ({@code /dev/shm}) where there is one, else in the default temp dir: for the cycle
     * variants that leave out the cost of {@code fsync}.
     */
    public static Path tmpfsDir(String prefix) {
        Path shm = Path.of("/dev/shm");
        try {
            return Files.isDirectory(shm) ? track(Files.createTempDirectory(shm, prefix)) : tempDir(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment of one ADD: the whole parent environment plus the six CNI variables, as libcni builds it. */
    public static Map<String, String> addEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", "bench");
        env.put("CNI_NETNS", "/var/run/netns/bench");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "");
        env.put("CNI_PATH", "/nonexistent");
        return env;
    }

    private static Path build() {
        try {
            Path dir = track(Files.createTempDirectory("c4j-bench-noop"));
            Path source = dir.resolve("noop-plugin.c");
            Files.write(source, resource("noop-plugin.c"));
            Path binary = dir.resolve("noop");
            if (gcc(source, binary, true) || gcc(source, binary, false)) {
                return binary;
            }
            Files.writeString(binary, "#!/bin/sh\ncat >/dev/null\n[ \"${CNI_COMMAND:-ADD}\" = ADD ] && printf '%s' "
                    + "'{\"cniVersion\":\"1.0.0\",\"interfaces\":[],\"ips\":[],\"dns\":{}}'\nexit 0\n",
                    StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean gcc(Path source, Path binary, boolean statically) {
        try {
            ProcessBuilder pb = statically
                    ? new ProcessBuilder("gcc", "-O2", "-static", "-o", binary.toString(), source.toString())
                    : new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString());
            Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
