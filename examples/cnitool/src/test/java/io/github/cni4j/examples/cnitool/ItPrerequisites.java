package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the integration tests need (root, the reference plugins, iproute2). Under {@code CI=true} a missing
 * prerequisite fails the test; elsewhere it is skipped with the reason. (The library's own helper is in its test
 * jar, which an example does not see.)
 */
final class ItPrerequisites {

    static final Path PLUGIN_DIR = Path.of(System.getenv().getOrDefault("C4J_PLUGIN_DIR", "/usr/lib/cni"));

    private ItPrerequisites() {
    }

    static void require(boolean condition, String what) {
        if (condition) {
            return;
        }
        String reason = "integration prerequisite missing: " + what;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: integration tests must not skip)");
        }
        Assumptions.abort(reason);
    }

    static void requireLauncher() {
        require(Files.isExecutable(Launcher.CNITOOL), "the launcher " + Launcher.CNITOOL);
        require(onPath("java") && onPath("flock"), "java and flock on PATH");
    }

    static void requireRootAndPlugins(String... plugins) {
        requireLauncher();
        require(isRoot(), "root (uid 0) with CAP_SYS_ADMIN and CAP_NET_ADMIN");
        for (String p : plugins) {
            require(Files.isRegularFile(PLUGIN_DIR.resolve(p)),
                    "CNI plugin " + PLUGIN_DIR.resolve(p) + " (apt-get install containernetworking-plugins)");
        }
        require(onPath("ip"), "command 'ip' (apt-get install iproute2)");
    }

    static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command for cleanup or inspection; returns its stdout (empty on failure). */
    static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
