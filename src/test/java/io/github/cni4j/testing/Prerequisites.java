package io.github.cni4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks what an integration test needs. Under {@code CI=true} a missing prerequisite fails the test; elsewhere the
 * test is skipped with the reason, so a developer without root can still run the unit tests.
 */
public final class Prerequisites {

    /** Where Debian's containernetworking-plugins package installs the reference plugins. */
    public static final Path PLUGIN_DIR = Path.of(System.getenv().getOrDefault("C4J_PLUGIN_DIR", "/usr/lib/cni"));

    private Prerequisites() {
    }

    /** True when running under CI, where integration tests must never skip. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails under CI, skips elsewhere. */
    public static void require(boolean condition, String what) {
        if (condition) {
            return;
        }
        String reason = "integration prerequisite missing: " + what;
        if (inCi()) {
            Assertions.fail(reason + " (CI=true: integration tests must not skip)");
        }
        Assumptions.abort(reason);
    }

    /** Root (or full capabilities), the reference plugins and the {@code ip} tool. */
    public static void requireRootAndPlugins(String... plugins) {
        requireRoot();
        require(Files.isRegularFile(PLUGIN_DIR.resolve("bridge")),
                "reference CNI plugins in " + PLUGIN_DIR + " (apt-get install containernetworking-plugins)");
        for (String p : plugins) {
            require(Files.isRegularFile(PLUGIN_DIR.resolve(p)), "CNI plugin " + PLUGIN_DIR.resolve(p));
        }
        requireCommand("ip", "iproute2");
    }

    public static void requireRoot() {
        require(isRoot(), "root (uid 0) with CAP_SYS_ADMIN and CAP_NET_ADMIN");
    }

    public static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    public static void requireCommand(String command, String debianPackage) {
        require(onPath(command), "command '" + command + "' (apt-get install " + debianPackage + ")");
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command and returns its stdout; fails the test with stderr when it exits non-zero. */
    public static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": "
                        + new String(err, java.nio.charset.StandardCharsets.UTF_8));
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Like {@link #sh} but returns the exit status and ignores failures (for cleanup). */
    public static int shQuiet(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
