package io.github.cni4j.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.config.ConfigAccess;

/** Hands the parsed trees to {@link ConfigAccess} for cni4j's internal packages. */
final class Access implements ConfigAccess.Accessor {

    private static final Access INSTANCE = new Access();

    private Access() {
    }

    static void register() {
        ConfigAccess.register(INSTANCE);
    }

    @Override
    public ObjectNode tree(PluginConfig plugin) {
        return plugin.tree();
    }

    @Override
    public ObjectNode tree(NetworkConfigList list) {
        return list.tree();
    }
}
