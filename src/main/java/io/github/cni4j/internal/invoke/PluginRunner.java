package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.exec.PluginEnv;
import io.github.cni4j.invoke.PluginExec;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one plugin binary once (retrying {@code text file busy}) and returns its stdout, or throws the mapped
 * failure. Shared by every operation of an invoker.
 *
 * <p>Immutable and thread-safe.
 *
 * @param finder the plugin lookup
 * @param exec the executor
 * @param timeout the per-run timeout
 * @param busyRetryDelay the pause between {@code text file busy} attempts (1 s, as libcni)
 */
public record PluginRunner(PluginFinder finder, PluginExec exec, Duration timeout, Duration busyRetryDelay) {

    /** libcni runs a busy binary at most six times. */
    static final int BUSY_ATTEMPTS = 6;

    /**
     * The logger, looked up on first use only: for a caller outside the JDK, {@code System.getLogger} picks the
     * logging backend at once, which reads every jar of the class path for a provider, a cost that short-lived
     * tools pay on each run although they rarely log.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.github.cni4j.invoke");
    }

    /**
     * Runs a plugin with the complete environment {@code env} and returns its stdout.
     *
     * @throws PluginException on failure, {@code TIMED_OUT} past the timeout
     */
    public byte[] run(String type, Path path, String command, byte[] stdin, Map<String, String> env) {
        PluginExec.Request request = new PluginExec.Request(path, stdin, env, timeout);
        PluginExec.Response r = null;
        for (int attempt = 1; attempt <= BUSY_ATTEMPTS; attempt++) {
            r = exec.run(request);
            if (!isBusy(r) || attempt == BUSY_ATTEMPTS) {
                break;
            }
            pause();
        }
        if (r.timedOut() && Thread.currentThread().isInterrupted()) {
            throw new PluginException(0, "killed because the calling thread was interrupted", null, type,
                    path.toString(), command, -1, 0, r.stderrText(), null);
        }
        if (r.timedOut()) {
            throw PluginException.timedOut(type, path.toString(), command, timeout, r.stderrText());
        }
        if (!r.isSuccess()) {
            throw PluginFailures.failure(type, path, command, r);
        }
        // Only ADD and VERSION output is used; libcni ignores the stdout of the other verbs on success.
        if (r.stdoutOverflow() && (command.equals("ADD") || command.equals("VERSION"))) {
            throw new PluginException(0, "stdout exceeds the executor's limit (" + r.stdout().length + " bytes kept)",
                    null, type, path.toString(), command, r.exitStatus(), 0, r.stderrText(), null);
        }
        if (r.stderrTail().length > 0) {
            // libcni copies a successful plugin's stderr to the runtime's stderr; a library logs it instead.
            String stderr = r.stderrText();
            Log.LOG.log(Level.DEBUG, () -> type + " (" + command + ") stderr: " + stderr);
        }
        return r.stdout();
    }

    /** {@link #run} with the environment of ADD/CHECK/DEL/GC/STATUS. */
    public byte[] run(String type, Path path, String command, byte[] stdin, String containerId, String netns,
                      String ifName, String cniArgs) {
        return run(type, path, command, stdin,
                PluginEnv.of(command, containerId, netns, ifName, cniArgs, finder.cniPath()));
    }

    /** Returns {@code timeout} when positive (builders and every {@code PluginExec.Request} check it here). */
    public static Duration checkTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return timeout;
    }

    /** Returns {@code delay} when not negative. */
    public static Duration checkDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("busyRetryDelay must not be negative: " + delay);
        }
        return delay;
    }

    private static boolean isBusy(PluginExec.Response r) {
        return r.spawnError().map(e -> e.contains("text file busy")).orElse(false);
    }

    private void pause() {
        try {
            Thread.sleep(busyRetryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(0, "interrupted while waiting to retry a busy plugin binary", null, "", "",
                    "", -1, 0, "", e);
        }
    }
}
