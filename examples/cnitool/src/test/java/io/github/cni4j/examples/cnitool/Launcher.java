package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the tool's launcher script as a user does: a separate process, with environment variables. */
final class Launcher {

    /** The module directory (Failsafe runs there; {@code basedir} is set by Maven). */
    static final Path HOME = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();
    static final Path CNITOOL = HOME.resolve("cnitool");
    static final Path DEMO = HOME.resolve("demo.sh");

    private Launcher() {
    }

    /** What a run printed and how it ended. */
    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run cnitool(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(CNITOOL.toString());
        command.addAll(List.of(args));
        return run(command, env, Path.of(System.getProperty("java.io.tmpdir")), 300);
    }

    static Run run(List<String> command, Map<String, String> env, Path cwd, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        // Start from a clean CNI environment: the test names every variable it wants.
        for (String v : List.of("NETCONFPATH", "CNI_PATH", "CNI_IFNAME", "CNI_ARGS", "CAP_ARGS", "CNI_CACHE_DIR")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + "s: " + command);
            }
            return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
