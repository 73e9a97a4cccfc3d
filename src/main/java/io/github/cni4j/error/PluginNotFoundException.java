package io.github.cni4j.error;

import java.nio.file.Path;
import java.util.List;

/**
 * No plugin binary of the requested type exists in any plugin directory, or the type is not a plain file name.
 *
 * <p>The message matches libcni's ({@code failed to find plugin "bridge" in path [/opt/cni/bin /usr/lib/cni]}),
 * and {@link #searched()} lists every directory that was looked in.
 *
 * <pre>{@code
 * try {
 *     invoker.versionInfo("bridge");
 * } catch (PluginNotFoundException e) {
 *     System.err.println("install " + e.pluginType() + " into one of " + e.searched());
 * }
 * }</pre>
 */
public final class PluginNotFoundException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Serialized state behind {@link #pluginType()}. */
    private final String pluginType;
    /** Serialized state behind {@link #searched()}. */
    private final List<Path> searched;

    /**
     * Creates the exception.
     *
     * @param msg the message
     * @param pluginType the requested type
     * @param searched the directories searched, in order
     */
    public PluginNotFoundException(String msg, String pluginType, List<Path> searched) {
        super(CODE_UNKNOWN, msg, null, null);
        this.pluginType = pluginType == null ? "" : pluginType;
        this.searched = List.copyOf(searched);
    }

    /**
     * Creates the exception with a cause, e.g. when it is re-raised with a message that names the network.
     *
     * @param msg the message
     * @param pluginType the requested type
     * @param searched the directories searched, in order
     * @param cause the cause, or {@code null}
     */
    public PluginNotFoundException(String msg, String pluginType, List<Path> searched, Throwable cause) {
        super(CODE_UNKNOWN, msg, null, cause);
        this.pluginType = pluginType == null ? "" : pluginType;
        this.searched = List.copyOf(searched);
    }

    /**
     * Returns the requested plugin type.
     *
     * @return the type
     */
    public String pluginType() {
        return pluginType;
    }

    /**
     * Returns the directories that were searched, in order.
     *
     * @return the directories
     */
    public List<Path> searched() {
        return searched;
    }
}
