package io.github.cni4j.invoke;

import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

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
 */
@Value.Immutable
@CniStyle
public abstract class ExecResult {

    private static final byte[] NONE = new byte[0];

    ExecResult() {
    }

    /**
     * A run that could not start.
     *
     * @param error Go's text for the failure, e.g. {@code fork/exec /opt/cni/bin/x: permission denied}
     * @return the result
     */
    public static ExecResult notStarted(String error) {
        return of(Objects.requireNonNull(error, "error"), -1, 0, false, NONE, false, NONE);
    }

    /**
     * A process that exited by itself.
     *
     * @param exitStatus the exit status (0–255)
     * @param stdout stdout (at most the executor's bound)
     * @param stdoutOverflow whether stdout exceeded the bound ({@code stdout} is then its beginning)
     * @param stderrTail the end of stderr
     * @return the result
     */
    public static ExecResult exited(int exitStatus, byte[] stdout, boolean stdoutOverflow, byte[] stderrTail) {
        if (exitStatus < 0) {
            throw new IllegalArgumentException("exitStatus must be >= 0: " + exitStatus);
        }
        return of(null, exitStatus, 0, false, stdout, stdoutOverflow, stderrTail);
    }

    /**
     * A process that a signal ended (a crash, or a kill from outside).
     *
     * @param signal the signal number, positive
     * @param stdout stdout
     * @param stderrTail the end of stderr
     * @return the result
     */
    public static ExecResult signaled(int signal, byte[] stdout, byte[] stderrTail) {
        if (signal <= 0) {
            throw new IllegalArgumentException("signal must be > 0: " + signal);
        }
        return of(null, -1, signal, false, stdout, false, stderrTail);
    }

    /**
     * A run that passed its timeout and was killed.
     *
     * @param stdout what arrived on stdout before
     * @param stderrTail the end of stderr
     * @return the result
     */
    public static ExecResult timedOut(byte[] stdout, byte[] stderrTail) {
        return of(null, -1, 0, true, stdout, false, stderrTail);
    }

    /** {@return Go's text for why the process did not start, empty when it started} */
    public abstract Optional<String> spawnError();

    /** {@return the exit status, or {@code -1} when the process did not start, died by a signal or timed out} */
    public abstract int exitStatus();

    /** {@return the number of the signal that ended the process, {@code 0} when none} */
    public abstract int signal();

    /** {@return whether the run passed its timeout and was killed} */
    public abstract boolean timedOut();

    /** {@return whether stdout exceeded the executor's bound} */
    public abstract boolean stdoutOverflow();

    /** {@return whether the plugin started, exited with status 0 and did not time out} */
    public boolean isSuccess() {
        return spawnError().isEmpty() && !timedOut() && signal() == 0 && exitStatus() == 0;
    }

    /** {@return a copy of stdout} */
    public abstract byte[] stdout();

    /** {@return a copy of the stderr tail} */
    public abstract byte[] stderrTail();

    /** {@return the stderr tail decoded as UTF-8} */
    public String stderrText() {
        return new String(stderrTail(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String how = spawnError().map(e -> "notStarted(" + e + ")").orElseGet(() -> timedOut() ? "timedOut"
                : signal() != 0 ? "signal " + signal() : "exit " + exitStatus());
        return "ExecResult{" + how + ", stdout=" + stdout().length + " bytes"
                + (stdoutOverflow() ? " (overflow)" : "") + ", stderr=" + stderrTail().length + " bytes}";
    }

    private static ExecResult of(String spawnError, int exitStatus, int signal, boolean timedOut, byte[] stdout,
                                 boolean stdoutOverflow, byte[] stderrTail) {
        return ImmutableExecResult.builder().spawnError(Optional.ofNullable(spawnError)).exitStatus(exitStatus)
                .signal(signal).timedOut(timedOut).stdout(Objects.requireNonNull(stdout, "stdout"))
                .stdoutOverflow(stdoutOverflow).stderrTail(Objects.requireNonNull(stderrTail, "stderrTail")).build();
    }
}
