package io.github.cni4j.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How one plugin run ended, as a {@link PluginExec} reports it: started or not, exit status or signal, timed out or
 * not, stdout and the tail of stderr. The invoker turns it into a result or a {@code CniException}.
 *
 * <pre>{@code
 * ExecResult r = exec.run(request);
 * if (r.isSuccess()) {
 *     byte[] out = r.stdout();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param spawnError empty when the process started; otherwise Go's text for the failure, e.g.
 *        {@code fork/exec /opt/cni/bin/x: permission denied}
 * @param exitStatus the exit status, or {@code -1} when the process did not start or died by a signal
 * @param signal the signal that ended the process, {@code 0} when none
 * @param timedOut whether the run passed its timeout and was killed
 * @param stdout everything the plugin wrote to stdout (bounded by the executor)
 * @param stdoutOverflow whether stdout exceeded the executor's bound (then {@code stdout} is its beginning)
 * @param stderrTail the last bytes the plugin wrote to stderr
 */
public record ExecResult(Optional<String> spawnError, int exitStatus, int signal, boolean timedOut, byte[] stdout,
                         boolean stdoutOverflow, byte[] stderrTail) {

    /**
     * Checks and copies the parts.
     *
     * @param spawnError the spawn error
     * @param exitStatus the exit status
     * @param signal the signal
     * @param timedOut whether it timed out
     * @param stdout stdout
     * @param stdoutOverflow whether stdout overflowed
     * @param stderrTail the stderr tail
     */
    public ExecResult {
        Objects.requireNonNull(spawnError, "spawnError");
        stdout = Objects.requireNonNull(stdout, "stdout").clone();
        stderrTail = Objects.requireNonNull(stderrTail, "stderrTail").clone();
        if (signal < 0) {
            throw new IllegalArgumentException("signal must be >= 0: " + signal);
        }
    }

    /**
     * A run that could not start.
     *
     * @param error Go's text for the failure
     * @return the result
     */
    public static ExecResult notStarted(String error) {
        return new ExecResult(Optional.of(error), -1, 0, false, new byte[0], false, new byte[0]);
    }

    /**
     * Whether the plugin started, exited with status 0 and did not time out.
     *
     * @return true on success
     */
    public boolean isSuccess() {
        return spawnError.isEmpty() && !timedOut && signal == 0 && exitStatus == 0;
    }

    /**
     * Returns a copy of stdout.
     *
     * @return stdout
     */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /**
     * Returns a copy of the stderr tail.
     *
     * @return the stderr tail
     */
    @Override
    public byte[] stderrTail() {
        return stderrTail.clone();
    }

    /**
     * The stderr tail decoded as UTF-8.
     *
     * @return the stderr text
     */
    public String stderrText() {
        return new String(stderrTail, StandardCharsets.UTF_8);
    }
}
