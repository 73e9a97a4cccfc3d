package io.github.cni4j.invoke;

import io.github.cni4j.internal.exec.PluginEnv;
import io.github.cni4j.internal.exec.RequestStdin;
import io.github.cni4j.internal.invoke.PluginRunner;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Runs one plugin binary: the only interface of cni4j that users implement (to sandbox plugins, record calls, or
 * spawn them natively).
 *
 * <p>An implementation writes {@link Request#stdin()} to the child and closes it, gives the child exactly
 * {@link Request#environment()}, collects stdout (bounded) and the tail of stderr, and returns within the
 * request's timeout plus a small margin: past the timeout it kills the plugin and everything it started and returns
 * with {@link Response#timedOut()} set instead of waiting for pipes that grandchildren may still hold. A binary that
 * cannot be started is reported through {@link Response#notStarted(String)}, never thrown. Error mapping, retries
 * of {@code text file busy} and result decoding are the invoker's job.
 *
 * <pre>{@code
 * PluginExec recording = request -> {
 *     System.err.println("running " + request.plugin());
 *     return PluginExecs.portable().run(request);
 * };
 * CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Path.of("/usr/lib/cni"))).exec(recording).build();
 * }</pre>
 *
 * <p>The executors cni4j ships are in {@link PluginExecs}.
 *
 * <p>Implementations must be thread-safe: an invoker calls them from many threads at once.
 */
@FunctionalInterface
public interface PluginExec {

    /**
     * Runs the plugin once.
     *
     * @param request what to run
     * @return how it ended
     */
    Response run(Request request);

    /**
     * What a {@link PluginExec} runs: one plugin binary, its stdin bytes, its complete environment and a deadline.
     *
     * <pre>{@code
     * PluginExec.Request req = new PluginExec.Request(Path.of("/usr/lib/cni/loopback"),
     *         "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8),
     *         Map.of("CNI_COMMAND", "VERSION"), Duration.ofSeconds(10));
     * }</pre>
     *
     * <p>Immutable and thread-safe (the stdin array is copied in and out).
     *
     * @param plugin the absolute path of the binary
     * @param stdin the bytes written to the plugin's stdin, then closed
     * @param environment the whole environment of the child (nothing is inherited beyond it)
     * @param timeout how long the run may take before the plugin and its descendants are killed
     */
    record Request(Path plugin, byte[] stdin, Map<String, String> environment, Duration timeout) {

        static {
            RequestStdin.register(r -> r.stdin);
        }

        /**
         * Checks and copies the parts.
         *
         * @param plugin the binary
         * @param stdin the stdin bytes
         * @param environment the environment
         * @param timeout a positive timeout
         */
        public Request {
            Objects.requireNonNull(plugin, "plugin");
            stdin = Objects.requireNonNull(stdin, "stdin").clone();
            // A plugin environment of the invoker is an immutable view already; copy only what callers pass.
            environment = Objects.requireNonNull(environment, "environment") instanceof PluginEnv.Env
                    ? environment : Map.copyOf(environment);
            PluginRunner.checkTimeout(Objects.requireNonNull(timeout, "timeout"));
        }

        /** {@return a copy of the stdin bytes} */
        @Override
        public byte[] stdin() {
            return stdin.clone();
        }
    }

    /**
     * How one plugin run ended, as a {@link PluginExec} reports it: started or not, exit status or signal, timed out or
     * not, stdout and the tail of stderr. The invoker turns it into a result or a {@code CniException}.
     *
     * <pre>{@code
     * PluginExec.Response r = exec.run(request);
     * if (r.isSuccess()) {
     *     byte[] out = r.stdout();
     * }
     * }</pre>
     *
     * <p>Immutable and thread-safe (arrays are copied in and out).
     */
    @Value.Immutable
    @CniStyle
    abstract class Response {

        private static final byte[] NONE = new byte[0];

        Response() {
        }

        /**
         * A run that could not start.
         *
         * @param error Go's text for the failure, e.g. {@code fork/exec /opt/cni/bin/x: permission denied}
         * @return the result
         */
        public static Response notStarted(String error) {
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
        public static Response exited(int exitStatus, byte[] stdout, boolean stdoutOverflow, byte[] stderrTail) {
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
        public static Response signaled(int signal, byte[] stdout, byte[] stderrTail) {
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
        public static Response timedOut(byte[] stdout, byte[] stderrTail) {
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
            return "PluginExec.Response{" + how + ", stdout=" + stdout().length + " bytes"
                    + (stdoutOverflow() ? " (overflow)" : "") + ", stderr=" + stderrTail().length + " bytes}";
        }

        private static Response of(String spawnError, int exitStatus, int signal, boolean timedOut, byte[] stdout,
                                     boolean stdoutOverflow, byte[] stderrTail) {
            return ImmutableResponse.builder().spawnError(Optional.ofNullable(spawnError)).exitStatus(exitStatus)
                    .signal(signal).timedOut(timedOut).stdout(Objects.requireNonNull(stdout, "stdout"))
                    .stdoutOverflow(stdoutOverflow).stderrTail(Objects.requireNonNull(stderrTail, "stderrTail"))
                    .build();
        }
    }
}
