package io.github.cni4j.internal.exec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Kills a plugin and the processes it started.
 *
 * <p>{@code ProcessBuilder} cannot make the child a process-group leader ({@code setsid} would cost another exec per
 * run), so there is no group to signal. Instead the descendants are snapshot through {@link ProcessHandle} and each
 * is killed. Limit: a process that double-forked away (reparented to init) before the snapshot is not found; the
 * caller therefore never waits on pipes after a kill. A native executor can later use a real process group.
 */
final class ProcessTree {

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
}
