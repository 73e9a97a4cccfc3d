package io.github.cni4j.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 */
public final class ExecResult {

    private static final byte[] NONE = new byte[0];

    private final String spawnError;
    private final int exitStatus;
    private final int signal;
    private final boolean timedOut;
    private final byte[] stdout;
    private final boolean stdoutOverflow;
    private final byte[] stderrTail;

    private ExecResult(String spawnError, int exitStatus, int signal, boolean timedOut, byte[] stdout,
                       boolean stdoutOverflow, byte[] stderrTail) {
        this.spawnError = spawnError;
        this.exitStatus = exitStatus;
        this.signal = signal;
        this.timedOut = timedOut;
        this.stdout = Objects.requireNonNull(stdout, "stdout").clone();
        this.stdoutOverflow = stdoutOverflow;
        this.stderrTail = Objects.requireNonNull(stderrTail, "stderrTail").clone();
    }

    /**
     * A run that could not start.
     *
     * @param error Go's text for the failure, e.g. {@code fork/exec /opt/cni/bin/x: permission denied}
     * @return the result
     */
    public static ExecResult notStarted(String error) {
        return new ExecResult(Objects.requireNonNull(error, "error"), -1, 0, false, NONE, false, NONE);
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
        return new ExecResult(null, exitStatus, 0, false, stdout, stdoutOverflow, stderrTail);
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
        return new ExecResult(null, -1, signal, false, stdout, false, stderrTail);
    }

    /**
     * A run that passed its timeout and was killed.
     *
     * @param stdout what arrived on stdout before
     * @param stderrTail the end of stderr
     * @return the result
     */
    public static ExecResult timedOut(byte[] stdout, byte[] stderrTail) {
        return new ExecResult(null, -1, 0, true, stdout, false, stderrTail);
    }

    /**
     * Why the process did not start.
     *
     * @return Go's text for the failure, empty when it started
     */
    public Optional<String> spawnError() {
        return Optional.ofNullable(spawnError);
    }

    /**
     * The exit status.
     *
     * @return the status, or {@code -1} when the process did not start, died by a signal or timed out
     */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * The signal that ended the process.
     *
     * @return the signal number, {@code 0} when none
     */
    public int signal() {
        return signal;
    }

    /**
     * Whether the run passed its timeout and was killed.
     *
     * @return true on timeout
     */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * Whether stdout exceeded the executor's bound.
     *
     * @return true on overflow
     */
    public boolean stdoutOverflow() {
        return stdoutOverflow;
    }

    /**
     * Whether the plugin started, exited with status 0 and did not time out.
     *
     * @return true on success
     */
    public boolean isSuccess() {
        return spawnError == null && !timedOut && signal == 0 && exitStatus == 0;
    }

    /**
     * Returns a copy of stdout.
     *
     * @return stdout
     */
    public byte[] stdout() {
        return stdout.clone();
    }

    /**
     * Returns a copy of the stderr tail.
     *
     * @return the stderr tail
     */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecResult r && Objects.equals(spawnError, r.spawnError) && exitStatus == r.exitStatus
                && signal == r.signal && timedOut == r.timedOut && stdoutOverflow == r.stdoutOverflow
                && Arrays.equals(stdout, r.stdout) && Arrays.equals(stderrTail, r.stderrTail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spawnError, exitStatus, signal, timedOut, stdoutOverflow, Arrays.hashCode(stdout),
                Arrays.hashCode(stderrTail));
    }

    @Override
    public String toString() {
        String how = spawnError != null ? "notStarted(" + spawnError + ")" : timedOut ? "timedOut"
                : signal != 0 ? "signal " + signal : "exit " + exitStatus;
        return "ExecResult{" + how + ", stdout=" + stdout.length + " bytes" + (stdoutOverflow ? " (overflow)" : "")
                + ", stderr=" + stderrTail.length + " bytes}";
    }
}
