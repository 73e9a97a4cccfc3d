package io.github.cni4j.internal.invoke;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.util.List;

/**
 * What the operation flows need of a network: a list, or a single config run as libcni's {@code AddNetwork} family
 * does (one plugin, its own bytes cached, no {@code disableCheck}/{@code disableGC}).
 *
 * @param name the network name
 * @param cniVersion the effective version (raw, may be empty)
 * @param plugins the plugins in order
 * @param bytes the bytes cached as {@code config}
 * @param disableCheck the list's flag
 * @param disableGC the list's flag
 */
public record Net(String name, String cniVersion, List<PluginConfig> plugins, byte[] bytes, boolean disableCheck,
                  boolean disableGC) {

    /**
     * The view of a list.
     *
     * @param list the list
     * @return the view
     */
    public static Net of(NetworkConfigList list) {
        return new Net(list.name(), list.cniVersion(), list.plugins(), list.bytes(), list.disableCheck(),
                list.disableGC());
    }

    /**
     * The view of a single config.
     *
     * @param conf the config
     * @return the view
     */
    public static Net of(PluginConfig conf) {
        return new Net(conf.name().orElse(""), conf.cniVersion(), List.of(conf), conf.bytes(), false, false);
    }
}
