package io.github.cni4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The non-Java figures of a full run, measured right after the JMH suite on the same machine: the C
 * {@code posix_spawn} harness and the Go libcni program (both built by {@code run.sh}). Values are nanoseconds per
 * operation, except {@code go.concurrent} (operations per second). A missing tool leaves its figures out; the report
 * then says so instead of inventing a number.
 */
final class Baselines {

    final Map<String, Double> values = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    /** The interleaved namespace figures (root only), from {@code InterleavedNetNs}. */
    final Map<String, Object> netns = new HashMap<>();

    static Baselines measure(Path rawSpawn, Path goBench, Path plugin, int goMillis) {
        Map<String, String> tmpfs = Files.isDirectory(Path.of("/dev/shm")) ? Map.of("TMPDIR", "/dev/shm") : null;
        Baselines b = new Baselines();
        Path dir = Fixtures.tempDir("c4j-bench-baseline");
        Path containerd = write(dir, "10-containerd-net.conflist");
        Path six = write(dir, "six-plugins.conflist");
        Path noop3 = write(dir, "noop3.conflist");
        Path plugins = Fixtures.pluginDir();
        if (rawSpawn != null) {
            b.run("raw.exec", "median_ns", Map.of(), rawSpawn.toString(), plugin.toString(), "3000");
            Interleaved.measure(b, rawSpawn, goBench, plugin, 7, 300);
        }
        if (goBench != null) {
            String ms = Integer.toString(goMillis);
            b.run("go.parse.containerd", "parse", Map.of(), goBench.toString(), "parse", containerd.toString(), ms);
            b.run("go.parse.six", "parse", Map.of(), goBench.toString(), "parse", six.toString(), ms);
            b.run("go.exec", "exec", Map.of(), goBench.toString(), "exec", plugin.toString(), ms);
            b.run("go.cycle", "cycle", Map.of(), goBench.toString(), "cycle", plugins.toString(), noop3.toString(),
                    ms);
            b.run("go.concurrent", "concurrent_ops_per_s", Map.of(), goBench.toString(), "concurrent",
                    plugins.toString(), noop3.toString(), "16", ms);
            InterleavedParse.measure(b, goBench, 7);
            InterleavedCycles.measure(b, goBench, 5);
            if (tmpfs != null) {
                b.run("go.cycle.tmpfs", "cycle", tmpfs, goBench.toString(), "cycle", plugins.toString(),
                        noop3.toString(), ms);
                b.run("go.concurrent.tmpfs", "concurrent_ops_per_s", tmpfs, goBench.toString(), "concurrent",
                        plugins.toString(), noop3.toString(), "16", ms);
            }
        }
        return b;
    }

    private static Path write(Path dir, String resource) {
        try {
            return Files.write(dir.resolve(resource), Fixtures.resource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a baseline command and keeps the number printed after {@code key} under {@code name}. */
    private void run(String name, String key, Map<String, String> env, String... command) {
        Double v = runOnce(key, env, command);
        if (v != null) {
            values.put(name, v);
            System.out.println("baseline " + name + " = " + v);
        }
    }

    /** Runs a command and returns the number printed after {@code key}, or null (and a noted problem). */
    Double runOnce(String key, Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                problems.add(String.join(" ", command) + " failed");
                return null;
            }
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Double.parseDouble(parts[1]);
                }
            }
            problems.add("no '" + key + "' line in the output of " + String.join(" ", command));
        } catch (IOException e) {
            problems.add(command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(command[0] + ": interrupted");
        }
        return null;
    }
}
