package io.github.cni4j.error;

import java.util.Optional;

/**
 * A plugin ran and failed: it exited non-zero, was killed by a signal, or printed something that is not a result.
 *
 * <p>Carries the CNI error the plugin printed ({@link #code()}, {@link #msg()}, {@link #details()}), the plugin
 * {@linkplain #pluginType() type} and {@linkplain #pluginPath() path}, the {@linkplain #command() CNI command},
 * the {@linkplain #exitStatus() exit status} and the {@linkplain #stderrTail() tail of its stderr}. Where the plugin
 * printed no decodable error, the code is 0 and the message says what happened, in libcni's words.
 *
 * <pre>{@code
 * try {
 *     invoker.add(list, rt);
 * } catch (PluginException e) {
 *     if (e.code() == CniError.TRY_AGAIN_LATER) { retryLater(); }
 *     log.warn("{} ({}) exited {}: {}\n{}", e.pluginType(), e.command(), e.exitStatus(), e.msg(), e.stderrTail());
 * }
 * }</pre>
 */
public final class PluginException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Serialized state behind {@link #pluginType()}. */
    private final String pluginType;
    /** Serialized state behind {@link #pluginPath()}. */
    private final String pluginPath;
    /** Serialized state behind {@link #command()}. */
    private final String command;
    /** Serialized state behind {@link #exitStatus()}. */
    private final int exitStatus;
    /** Serialized state behind {@link #signal()}. */
    private final int signal;
    /** Serialized state behind {@link #stderrTail()}. */
    private final String stderrTail;

    /**
     * Creates a plugin failure.
     *
     * @param code the CNI error code
     * @param msg the message
     * @param details details, or {@code null}
     * @param pluginType the plugin type (binary name)
     * @param pluginPath the binary that ran, or {@code ""}
     * @param command the CNI command (ADD, DEL, ...)
     * @param exitStatus the exit status, or -1 when it died by a signal or did not start
     * @param signal the signal that killed it, or 0
     * @param stderrTail the last part of its stderr, or {@code ""}
     * @param cause the cause, or {@code null}
     */
    public PluginException(int code, String msg, String details, String pluginType, String pluginPath,
                           String command, int exitStatus, int signal, String stderrTail, Throwable cause) {
        super(code, msg, details, cause);
        this.pluginType = pluginType == null ? "" : pluginType;
        this.pluginPath = pluginPath == null ? "" : pluginPath;
        this.command = command == null ? "" : command;
        this.exitStatus = exitStatus;
        this.signal = signal;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /**
     * Returns the plugin type, e.g. {@code bridge}.
     *
     * @return the type
     */
    public String pluginType() {
        return pluginType;
    }

    /**
     * Returns the path of the binary that ran, or {@code ""} when unknown.
     *
     * @return the path
     */
    public String pluginPath() {
        return pluginPath;
    }

    /**
     * Returns the CNI command that failed ({@code ADD}, {@code CHECK}, {@code DEL}, {@code GC}, {@code STATUS},
     * {@code VERSION}).
     *
     * @return the command
     */
    public String command() {
        return command;
    }

    /**
     * Returns the exit status, or -1 when the plugin was killed by a signal or never started.
     *
     * @return the exit status
     */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * Returns the signal that killed the plugin, if it died by one.
     *
     * @return the signal number
     */
    public Optional<Integer> signal() {
        return signal > 0 ? Optional.of(signal) : Optional.empty();
    }

    /**
     * Returns the last part of what the plugin wrote to stderr (bounded), or {@code ""}.
     *
     * @return the stderr tail
     */
    public String stderrTail() {
        return stderrTail;
    }
}
