package io.github.cni4j.error;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plugin could not do its work: it was {@linkplain Kind#NOT_FOUND not found}, {@linkplain Kind#TIMED_OUT timed
 * out}, or ran and {@linkplain Kind#FAILED failed} (exited non-zero, was killed by a signal, or printed something
 * that is not a result).
 *
 * <p>Carries the CNI error the plugin printed ({@link #code()}, {@link #msg()}, {@link #details()}), the plugin
 * {@linkplain #pluginType() type} and {@linkplain #pluginPath() path}, the {@linkplain #command() CNI command},
 * the {@linkplain #exitStatus() exit status} and the {@linkplain #stderrTail() tail of its stderr}. Where the plugin
 * printed no decodable error, the code is 0 and the message says what happened, in libcni's words. A plugin that
 * is not found has code 0 and libcni's message ({@code failed to find plugin "bridge" in path [/opt/cni/bin]}), with
 * the directories in {@link #searched()}; one that timed out has code 5, its {@link #timeout()}, and was killed with
 * its process group.
 *
 * <pre>{@code
 * try {
 *     invoker.add(list, rt);
 * } catch (PluginException e) {
 *     switch (e.kind()) {
 *         case NOT_FOUND -> System.err.println("install " + e.pluginType() + " into one of " + e.searched());
 *         case TIMED_OUT -> log.warn("{} hung for {}", e.pluginType(), e.timeout().orElseThrow());
 *         case FAILED -> log.warn("{} ({}) exited {}: {}", e.pluginType(), e.command(), e.exitStatus(), e.msg());
 *     }
 * }
 * }</pre>
 */
public final class PluginException extends CniException {

    private static final long serialVersionUID = 1L;

    /** What went wrong with the plugin; the code alone cannot tell, since plugins print codes 0 and 5 too. */
    public enum Kind {
        /** The plugin ran and failed. */
        FAILED,
        /** No binary of the type exists in any plugin directory, or the type is not a plain file name. */
        NOT_FOUND,
        /** The plugin did not finish within its timeout; it and its process group were killed. */
        TIMED_OUT
    }

    /** Serialized state behind {@link #kind()}. */
    private final Kind kind;
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
    /** Serialized state behind {@link #searched()}. */
    private final transient List<Path> searched;
    /** Serialized state behind {@link #timeout()}. */
    private final Duration timeout;

    /**
     * Creates a plugin failure ({@link Kind#FAILED}).
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
        this(Kind.FAILED, code, msg, details, pluginType, pluginPath, command, exitStatus, signal, stderrTail,
                List.of(), null, cause);
    }

    private PluginException(Kind kind, int code, String msg, String details, String pluginType, String pluginPath,
                            String command, int exitStatus, int signal, String stderrTail, List<Path> searched,
                            Duration timeout, Throwable cause) {
        super(code, msg, details, cause);
        this.kind = kind;
        this.pluginType = pluginType == null ? "" : pluginType;
        this.pluginPath = pluginPath == null ? "" : pluginPath;
        this.command = command == null ? "" : command;
        this.exitStatus = exitStatus;
        this.signal = signal;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
        this.searched = List.copyOf(searched);
        this.timeout = timeout;
    }

    /**
     * Returns a {@link Kind#NOT_FOUND} failure (code 0).
     *
     * @param msg the message, e.g. {@code failed to find plugin "bridge" in path [/opt/cni/bin]}
     * @param pluginType the requested type
     * @param searched the directories searched, in order
     * @return the exception
     */
    public static PluginException notFound(String msg, String pluginType, List<Path> searched) {
        return new PluginException(Kind.NOT_FOUND, UNKNOWN, msg, null, pluginType, "", "", -1, 0, "", searched,
                null, null);
    }

    /**
     * Returns a {@link Kind#TIMED_OUT} failure (code 5) with the message
     * {@code plugin type="<type>" timed out after <ms> ms (<command>); it and its process group were killed}.
     *
     * @param pluginType the plugin type
     * @param pluginPath the binary that ran, or {@code ""}
     * @param command the CNI command
     * @param timeout the timeout that passed
     * @param stderrTail what the plugin wrote to stderr before it was killed (the details), or {@code ""}
     * @return the exception
     */
    public static PluginException timedOut(String pluginType, String pluginPath, String command, Duration timeout,
                                           String stderrTail) {
        String msg = "plugin type=\"" + pluginType + "\" timed out after " + timeout.toMillis() + " ms ("
                + command.toLowerCase(Locale.ROOT) + "); it and its process group were killed";
        return new PluginException(Kind.TIMED_OUT, IO_FAILURE, msg, stderrTail, pluginType, pluginPath, command, -1,
                0, stderrTail, List.of(), timeout, null);
    }

    /**
     * Returns a copy with another message, everything else kept and this exception as the cause (how libcni and
     * the facade add context such as the network name).
     *
     * @param newMsg the new message
     * @return the copy
     */
    public PluginException withMsg(String newMsg) {
        return new PluginException(kind, code(), newMsg, details().orElse(null), pluginType, pluginPath, command,
                exitStatus, signal, stderrTail, searched, timeout, this);
    }

    /** {@return what went wrong: the plugin failed, was not found or timed out} */
    public Kind kind() {
        return kind;
    }

    /** {@return the plugin type, e.g. {@code bridge}} */
    public String pluginType() {
        return pluginType;
    }

    /** {@return the path of the binary that ran, or {@code ""} when unknown} */
    public String pluginPath() {
        return pluginPath;
    }

    /** {@return the CNI command ({@code ADD}, {@code CHECK}, {@code DEL}, {@code GC}, ...), or {@code ""}} */
    public String command() {
        return command;
    }

    /** {@return the exit status, or -1 when the plugin was killed by a signal or never started} */
    public int exitStatus() {
        return exitStatus;
    }

    /** {@return the signal that killed the plugin, if it died by one} */
    public Optional<Integer> signal() {
        return signal > 0 ? Optional.of(signal) : Optional.empty();
    }

    /** {@return the last part of what the plugin wrote to stderr (bounded), or {@code ""}} */
    public String stderrTail() {
        return stderrTail;
    }

    /** {@return the plugin directories searched, in order, for {@link Kind#NOT_FOUND}; otherwise empty} */
    public List<Path> searched() {
        return searched == null ? List.of() : searched;
    }

    /** {@return the timeout that passed, for {@link Kind#TIMED_OUT}} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
