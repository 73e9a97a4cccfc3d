package io.github.cni4j.invoke;

/**
 * Runs one plugin binary: the only interface of cni4j that users implement (to sandbox plugins, record calls, or
 * spawn them natively).
 *
 * <p>An implementation writes {@link ExecRequest#stdin()} to the child and closes it, gives the child exactly
 * {@link ExecRequest#environment()}, collects stdout (bounded) and the tail of stderr, and returns within the
 * request's timeout plus a small margin: past the timeout it kills the plugin and everything it started and returns
 * with {@link ExecResult#timedOut()} set instead of waiting for pipes that grandchildren may still hold. A binary that
 * cannot be started is reported through {@link ExecResult#notStarted(String)}, never thrown. Error mapping, retries
 * of {@code text file busy} and result decoding are the invoker's job.
 *
 * <pre>{@code
 * PluginExec recording = request -> {
 *     System.err.println("running " + request.plugin());
 *     return PluginExec.portable().run(request);
 * };
 * CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Path.of("/usr/lib/cni"))).exec(recording).build();
 * }</pre>
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
    ExecResult run(ExecRequest request);

    /**
     * The portable executor (a {@code ProcessBuilder} per run), used where the native one is unavailable.
     *
     * @return the shared portable executor
     */
    static PluginExec portable() {
        return io.github.cni4j.internal.exec.ProcessExec.INSTANCE;
    }

    /**
     * The native executor: {@code posix_spawn} through JNA, the plugin in its own process group (killed as a whole
     * on timeout), all pipe I/O on the calling thread. Needs 64-bit Linux with glibc 2.34 or later.
     *
     * <pre>{@code
     * CniInvoker invoker = CniInvoker.builder().exec(PluginExec.posixSpawn()).build();
     * }</pre>
     *
     * @return the shared native executor
     * @throws IllegalStateException naming the reason when this platform cannot run it
     */
    static PluginExec posixSpawn() {
        return io.github.cni4j.internal.exec.ExecSelection.nativeExec();
    }

    /**
     * The executor of {@link CniInvoker} when none is set: {@link #posixSpawn()} where available, else
     * {@link #portable()}. The system property {@code cni4j.exec} ({@code native}, {@code portable} or
     * {@code auto}) overrides the choice, read at each call.
     *
     * <pre>{@code
     * // java -Dcni4j.exec=portable ...   forces ProcessBuilder
     * PluginExec exec = PluginExec.defaultExec();
     * }</pre>
     *
     * @return the default executor
     * @throws IllegalStateException when the property has an unknown value, or asks for {@code native} where it is
     *         unavailable
     */
    static PluginExec defaultExec() {
        return io.github.cni4j.internal.exec.ExecSelection.defaultExec();
    }
}
