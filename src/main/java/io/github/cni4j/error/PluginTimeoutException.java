package io.github.cni4j.error;

import java.time.Duration;

/**
 * A plugin did not finish within its timeout; it and its process group were killed.
 *
 * <pre>{@code
 * CniInvoker invoker = CniInvoker.builder().timeout(Duration.ofSeconds(30)).build();
 * try {
 *     invoker.add(list, rt);
 * } catch (PluginTimeoutException e) {
 *     log.warn("{} hung for {}", e.pluginType(), e.timeout());
 * }
 * }</pre>
 */
public final class PluginTimeoutException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Serialized state behind {@link #pluginType()}. */
    private final String pluginType;
    /** Serialized state behind {@link #command()}. */
    private final String command;
    /** Serialized state behind {@link #timeout()}. */
    private final transient Duration timeout;

    /**
     * Creates the exception.
     *
     * @param pluginType the plugin type
     * @param command the CNI command
     * @param timeout the timeout that passed
     * @param stderrTail what the plugin wrote to stderr before it was killed, or {@code ""}
     */
    public PluginTimeoutException(String pluginType, String command, Duration timeout, String stderrTail) {
        super(5, "plugin type=\"" + pluginType + "\" timed out after " + timeout.toMillis() + " ms ("
                + command.toLowerCase(java.util.Locale.ROOT) + "); it and its process group were killed",
                stderrTail, null);
        this.pluginType = pluginType;
        this.command = command;
        this.timeout = timeout;
    }

    /**
     * Creates the exception with a caller-given message, e.g. one that names the network being attached.
     *
     * @param msg the message
     * @param pluginType the plugin type
     * @param command the CNI command
     * @param timeout the timeout that passed
     * @param stderrTail what the plugin wrote to stderr before it was killed, or {@code ""}
     * @param cause the cause, or {@code null}
     */
    public PluginTimeoutException(String msg, String pluginType, String command, Duration timeout,
                                  String stderrTail, Throwable cause) {
        super(5, msg, stderrTail, cause);
        this.pluginType = pluginType;
        this.command = command;
        this.timeout = timeout;
    }

    /**
     * Returns the plugin type.
     *
     * @return the type
     */
    public String pluginType() {
        return pluginType;
    }

    /**
     * Returns the CNI command that timed out.
     *
     * @return the command
     */
    public String command() {
        return command;
    }

    /**
     * Returns the timeout that passed.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
