package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An optional pause point, for tests and for watching the host mid-way: with {@code CNI4J_DEMO_PAUSE_AT=<step>} the
 * demo stops at the start of that step, creates the marker file ({@code CNI4J_DEMO_PAUSE_FILE}, default
 * {@code /run/c4j-demo.paused}) and waits until the file is removed (then goes on) or the process is signalled
 * (then the usual cleanup runs). A test waits for the marker to exist, not for a moment in time.
 */
final class DemoPause {

    static final Path DEFAULT_MARKER = Path.of("/run/c4j-demo.paused");

    private final int step;
    private final Path marker;

    private DemoPause(int step, Path marker) {
        this.step = step;
        this.marker = marker;
    }

    /** The pause point named by the environment, if any. */
    static Optional<DemoPause> fromEnv(Map<String, String> env) {
        String at = env.getOrDefault("CNI4J_DEMO_PAUSE_AT", "").strip();
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int step;
        try {
            step = Integer.parseInt(at);
        } catch (NumberFormatException e) {
            throw new UsageException("CNI4J_DEMO_PAUSE_AT must be a step number, not \"" + at + "\"");
        }
        String file = env.getOrDefault("CNI4J_DEMO_PAUSE_FILE", "");
        return Optional.of(new DemoPause(step, file.isEmpty() ? DEFAULT_MARKER : Path.of(file)));
    }

    /** At the start of {@code current}: when it is the pause step, mark and wait until the marker is removed. */
    void at(int current, PrintStream out) {
        if (current != step) {
            return;
        }
        try {
            Files.deleteIfExists(marker);
            Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pause marker " + marker, e);
        }
        out.printf("== paused at step %d: remove %s to go on, or send SIGINT/SIGTERM to stop%n", step, marker);
        out.flush();
        try {
            while (Files.exists(marker)) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the marker (after the demo, whatever its end). */
    void clear() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            // a stale marker only; the next paused demo replaces it
        }
    }
}
