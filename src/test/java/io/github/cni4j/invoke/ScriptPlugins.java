package io.github.cni4j.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small shell-script plugins that misbehave on purpose or record what they get (like libcni's noop/sleep test
 * plugins). Each call appends {@code <name> <COMMAND>} to {@code log/calls} and stores its stdin and environment as
 * {@code log/<n>.stdin} / {@code log/<n>.env} (n counts from 0).
 */
final class ScriptPlugins {

    static final String VERSIONS = "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":"
            + "[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}";

    final Path dir;
    final Path log;

    ScriptPlugins(Path root) {
        try {
            this.dir = Files.createDirectories(root.resolve("bin"));
            this.log = Files.createDirectories(root.resolve("log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recording plugin: ADD prints {@code addResult}; other verbs print nothing. */
    ScriptPlugins recorder(String name, String addResult) {
        String add = "printf '%s' '" + addResult + "'";
        return script(name, record(name) + "case \"$CNI_COMMAND\" in\n"
                + "  ADD) " + add + " ;;\n"
                + "  VERSION) printf '%s' '" + VERSIONS + "' ;;\n"
                + "esac\n");
    }

    /** A recording plugin that fails with {@code body} (shell) for {@code command} and succeeds otherwise. */
    ScriptPlugins failing(String name, String command, String body) {
        return script(name, record(name) + "if [ \"$CNI_COMMAND\" = " + command + " ]; then\n" + body + "\nfi\n"
                + "[ \"$CNI_COMMAND\" = ADD ] && printf '%s' '{\"cniVersion\":\"1.0.0\"}'\n"
                + "[ \"$CNI_COMMAND\" = VERSION ] && printf '%s' '" + VERSIONS + "'\nexit 0\n");
    }

    ScriptPlugins script(String name, String body) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private String record(String name) {
        return "LOG='" + log + "'\n"
                + "n=$(cat \"$LOG/calls\" 2>/dev/null | wc -l)\n"
                + "cat > \"$LOG/$n.stdin\"\n"
                + "env > \"$LOG/$n.env\"\n"
                + "echo \"" + name + " $CNI_COMMAND\" >> \"$LOG/calls\"\n";
    }

    List<String> calls() {
        try {
            Path calls = log.resolve("calls");
            return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stdin(int n) {
        try {
            return Files.readString(log.resolve(n + ".stdin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> env(int n) {
        try {
            Map<String, String> env = new TreeMap<>();
            for (String line : Files.readAllLines(log.resolve(n + ".env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
