package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gives cni4j's own packages the parsed tree behind a public {@link PluginConfig}, which the public API does not
 * expose. The tree is shared, not copied: callers must only read it.
 *
 * <p>{@code PluginConfig} registers its accessor when it is initialised; any caller already holding an instance
 * therefore finds it registered.
 */
public final class ConfigAccess {

    private static volatile Function<PluginConfig, ObjectNode> accessor;

    private ConfigAccess() {
    }

    /**
     * Registers the accessor; called once by the config package.
     *
     * @param a the accessor
     */
    public static void register(Function<PluginConfig, ObjectNode> a) {
        accessor = Objects.requireNonNull(a, "accessor");
    }

    /**
     * Returns the parsed tree of a plugin config (read-only use).
     *
     * @param plugin the plugin config
     * @return its tree
     */
    public static ObjectNode tree(PluginConfig plugin) {
        return accessor.apply(Objects.requireNonNull(plugin, "plugin"));
    }
}
