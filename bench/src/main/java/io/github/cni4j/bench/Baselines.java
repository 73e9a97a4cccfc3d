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

    static Baselines measure(Path rawSpawn, Path goBench, Path plugin, int goMillis) {
        Baselines b = new Baselines();
        Path dir = Fixtures.tempDir("c4j-bench-baseline");
        Path containerd = write(dir, "10-containerd-net.conflist");
        Path six = write(dir, "six-plugins.conflist");
        Path noop3 = write(dir, "noop3.conflist");
        Path plugins = Fixtures.pluginDir();
        if (rawSpawn != null) {
            b.run("raw.exec", "median_ns", rawSpawn.toString(), plugin.toString(), "3000");
        }
        if (goBench != null) {
            String ms = Integer.toString(goMillis);
            b.run("go.parse.containerd", "parse", goBench.toString(), "parse", containerd.toString(), ms);
            b.run("go.parse.six", "parse", goBench.toString(), "parse", six.toString(), ms);
            b.run("go.exec", "exec", goBench.toString(), "exec", plugin.toString(), ms);
            b.run("go.cycle", "cycle", goBench.toString(), "cycle", plugins.toString(), noop3.toString(), ms);
            b.run("go.concurrent", "concurrent_ops_per_s", goBench.toString(), "concurrent", plugins.toString(),
                    noop3.toString(), "16", ms);
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

    /** Runs a baseline command and keeps the number printed after {@code key}. */
    private void run(String name, String key, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                problems.add(name + ": " + String.join(" ", command) + " failed");
                return;
            }
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    values.put(name, Double.parseDouble(parts[1]));
                    System.out.println("baseline " + name + " = " + parts[1]);
                    return;
                }
            }
            problems.add(name + ": no '" + key + "' line in the output of " + command[0]);
        } catch (IOException e) {
            problems.add(name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(name + ": interrupted");
        }
    }
}
