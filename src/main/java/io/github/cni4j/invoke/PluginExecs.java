package io.github.cni4j.invoke;

import io.github.cni4j.internal.exec.ExecSelection;
import io.github.cni4j.internal.exec.ProcessExec;

/**
 * The plugin executors cni4j ships: native {@code posix_spawn}, the portable {@code ProcessBuilder} one, and the
 * default choice between them. They live here rather than as static methods of {@link PluginExec}, so that the
 * SPI interface depends on nothing internal.
 *
 * <pre>{@code
 * CniInvoker invoker = CniInvoker.builder().exec(PluginExecs.portable()).build();
 * }</pre>
 *
 * <p>The executors are stateless and thread-safe.
 */
public final class PluginExecs {

    private PluginExecs() {
    }

    /**
     * The portable executor (a {@code ProcessBuilder} per run), used where the native one is unavailable.
     *
     * @return the shared portable executor
     */
    public static PluginExec portable() {
        return ProcessExec.INSTANCE;
    }

    /**
     * The native executor: {@code posix_spawn} through JNA, the plugin in its own process group (killed as a whole
     * on timeout), all pipe I/O on the calling thread. Needs 64-bit Linux with glibc 2.34 or later.
     *
     * <pre>{@code
     * CniInvoker invoker = CniInvoker.builder().exec(PluginExecs.posixSpawn()).build();
     * }</pre>
     *
     * @return the shared native executor
     * @throws IllegalStateException naming the reason when this platform cannot run it
     */
    public static PluginExec posixSpawn() {
        return ExecSelection.nativeExec();
    }

    /**
     * The executor of {@link CniInvoker} when none is set: {@link #posixSpawn()} where available, else
     * {@link #portable()}. The system property {@code cni4j.exec} ({@code native}, {@code portable} or
     * {@code auto}) overrides the choice, read at each call.
     *
     * <pre>{@code
     * // java -Dcni4j.exec=portable ...   forces ProcessBuilder
     * PluginExec exec = PluginExecs.defaultExec();
     * }</pre>
     *
     * @return the default executor
     * @throws IllegalStateException when the property has an unknown value, or asks for {@code native} where it is
     *         unavailable
     */
    public static PluginExec defaultExec() {
        return ExecSelection.defaultExec();
    }
}
