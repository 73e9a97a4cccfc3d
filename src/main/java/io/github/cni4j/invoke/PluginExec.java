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
    ExecResult run(ExecRequest request);
}
