package io.github.cni4j.internal.exec;

import io.github.cni4j.internal.jna.Errno;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Spawn;
import io.github.cni4j.invoke.PluginExec;
import java.util.Optional;

/**
 * The native {@link PluginExec}: {@code posix_spawn} through JNA ({@link NativeRun}), with the plugin in its own
 * process group, every fd above stderr closed in the child, signal mask and dispositions reset, and one thread doing
 * all the pipe I/O with poll(2). Compared with {@link ProcessExec} it needs no helper threads, kills grandchildren
 * reliably (the group), and spawns at about the cost of a C program (see {@code BENCHMARKS.md}).
 *
 * <p>Available on 64-bit Linux with glibc 2.34 or later ({@link Spawn#unavailable()}); {@link ExecSelection} falls
 * back to {@link ProcessExec} elsewhere. Thread-safe and stateless.
 */
public final class PosixSpawnExec implements PluginExec {

    private static final PosixSpawnExec INSTANCE = new PosixSpawnExec(16 * 1024 * 1024, 64 * 1024);

    private final int maxStdout;
    private final int maxStderr;

    /**
     * Creates an executor with the given output bounds; callers check {@link Spawn#unavailable()} first.
     *
     * @param maxStdout the largest stdout accepted (more kills the plugin and sets the overflow flag)
     * @param maxStderr how much of the end of stderr is kept
     */
    public PosixSpawnExec(int maxStdout, int maxStderr) {
        this.maxStdout = maxStdout;
        this.maxStderr = maxStderr;
    }

    /** {@return the shared instance (16 MiB stdout, 64 KiB of stderr), or empty when this platform cannot run it} */
    public static Optional<PosixSpawnExec> instance() {
        return Spawn.unavailable().isEmpty() ? Optional.of(INSTANCE) : Optional.empty();
    }

    @Override
    public PluginExec.Response run(PluginExec.Request request) {
        String path = request.plugin().toString();
        SpawnOutcome o = new NativeRun(path, RequestStdin.of(request), request.environment(), request.timeout().toNanos(),
                maxStdout, maxStderr).run();
        if (o.spawnErrno() != 0) {
            // Go's wording, which the invoker matches for "text file busy" retries.
            return PluginExec.Response.notStarted("fork/exec " + path + ": " + Errno.describe(o.spawnErrno()));
        }
        if (o.timedOut()) {
            return PluginExec.Response.timedOut(o.stdout(), o.stderrTail());
        }
        if (o.signal() != 0) {
            return PluginExec.Response.signaled(o.signal(), o.stdout(), o.stderrTail());
        }
        if (o.exitStatus() < 0) {
            // waitpid failed: something else in the process reaped our child (SIGCHLD set to SIG_IGN, or a wait(-1)).
            return PluginExec.Response.notStarted("wait: " + Errno.describe(Linux.ECHILD));
        }
        return PluginExec.Response.exited(o.exitStatus(), o.stdout(), o.stdoutOverflow(), o.stderrTail());
    }
}
