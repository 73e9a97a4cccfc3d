package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.util.Objects;

/**
 * Gives cni4j's own packages (the invoker, the cache, the linter) the parsed trees behind the public config values,
 * which the public API does not expose. The trees are shared, not copied: callers must only read them.
 *
 * <p>The public classes register an {@link Accessor} when they are initialised; any caller already holding an
 * instance therefore finds it registered.
 */
public final class ConfigAccess {

    /** Reads the hidden state of the public config values. */
    public interface Accessor {
        /**
         * @param plugin a plugin config
         * @return its parsed tree
         */
        ObjectNode tree(PluginConfig plugin);

        /**
         * @param list a network config list
         * @return its parsed document
         */
        ObjectNode tree(NetworkConfigList list);
    }

    private static volatile Accessor accessor;

    private ConfigAccess() {
    }

    /**
     * Registers the accessor; called once by the config package.
     *
     * @param a the accessor
     */
    public static void register(Accessor a) {
        accessor = Objects.requireNonNull(a, "accessor");
    }

    /**
     * Returns the parsed tree of a plugin config (read-only use).
     *
     * @param plugin the plugin config
     * @return its tree
     */
    public static ObjectNode tree(PluginConfig plugin) {
        Objects.requireNonNull(plugin, "plugin");
        return accessor.tree(plugin);
    }

    /**
     * Returns the parsed document of a network config list (read-only use). For a list upconverted from a single
     * conf, this is the upconverted document.
     *
     * @param list the list
     * @return its document
     */
    public static ObjectNode tree(NetworkConfigList list) {
        Objects.requireNonNull(list, "list");
        return accessor.tree(list);
    }
}
