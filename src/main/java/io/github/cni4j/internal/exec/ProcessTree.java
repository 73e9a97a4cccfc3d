package io.github.cni4j.internal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kills a plugin and the processes it started.
 *
 * <p>{@code ProcessBuilder} cannot make the child a process-group leader ({@code setsid} would cost another exec per
 * run), so there is no group to signal. Instead the descendants are snapshot through {@link ProcessHandle} and each
 * is killed. A process that outlived the plugin (reparented to init, typically still holding the plugin's stdout)
 * is no longer a descendant; {@link #killLeftovers} finds it on Linux by the CNI environment it inherited.
 */
final class ProcessTree {

    /** The variables that identify one plugin run; a leftover process inherited all of them. */
    private static final List<String> RUN_KEYS = List.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME",
            "CNI_PATH");

    private ProcessTree() {
    }

    static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().collect(Collectors.toList());
        // Stop the parent first so it cannot spawn more, then everything it had started.
        root.destroyForcibly();
        for (ProcessHandle h : descendants) {
            h.destroyForcibly();
        }
    }

    /**
     * Kills processes started since {@code since} whose environment carries this run's CNI variables: what a plugin
     * left running after it exited or was killed. Only called on the failure path (a pipe still open at the
     * deadline), so the scan of {@code /proc} costs nothing on normal runs. Operations on one attachment are
     * serialized by the invoker, so another live run never has the same variables.
     *
     * @param env the run's environment
     * @param since when the run started
     * @return how many processes were killed
     */
    static int killLeftovers(Map<String, String> env, Instant since) {
        List<byte[]> wanted = new ArrayList<>();
        for (String k : RUN_KEYS) {
            wanted.add((k + "=" + env.getOrDefault(k, "")).getBytes(StandardCharsets.UTF_8));
        }
        int killed = 0;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                Optional<ProcessHandle> h = ProcessHandle.of(pid);
                if (pid != self && h.isPresent() && startedSince(h.get(), since) && hasAll(p, wanted)
                        && h.get().destroyForcibly()) {
                    killed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or it changed under us: the pipes are abandoned anyway.
        }
        return killed;
    }

    private static boolean startedSince(ProcessHandle h, Instant since) {
        // Start times have clock-tick precision; a second of slack cannot reach a process of an earlier run
        // of the same attachment, which the invoker's lock has already finished.
        return h.info().startInstant().map(s -> !s.isBefore(since.minusSeconds(1))).orElse(false);
    }

    private static boolean hasAll(Path proc, List<byte[]> wanted) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(proc.resolve("environ"));
        } catch (IOException e) {
            return false;
        }
        for (byte[] w : wanted) {
            if (!containsEntry(environ, w)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the NUL-separated environment block has exactly this entry. */
    private static boolean containsEntry(byte[] environ, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
