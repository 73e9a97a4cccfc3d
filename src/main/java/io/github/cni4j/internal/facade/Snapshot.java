package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable view of the networks a {@code Cni} knows at one moment. {@code reload()} swaps in a new snapshot
 * atomically; an operation that already started keeps the snapshot it read first, so it never sees half of a
 * reload.
 *
 * @param defaults the default networks (without loopback), in attach order
 * @param byName every known network by name: explicit ones, then the configuration directory's
 * @param loopback the loopback network, when enabled
 * @param confDir the configuration directory, for lookups of networks added after the snapshot and messages
 * @param defaultNetwork the configured default network name, or {@code ""}
 * @param skipped files of the configuration directory that could not be loaded
 */
public record Snapshot(List<NetworkConfigList> defaults, Map<String, NetworkConfigList> byName,
                       Optional<NetworkConfigList> loopback, Path confDir, String defaultNetwork,
                       List<ConfigException> skipped) {

    /** Copies the collections. */
    public Snapshot {
        defaults = List.copyOf(defaults);
        byName = Map.copyOf(byName);
        skipped = List.copyOf(skipped);
    }

    /** Returns the default networks, resolving a named default.
     * @return the networks, in order
     * @throws ConfigException if the named default network does not exist */
    public List<NetworkConfigList> resolveDefaults() {
        return defaultNetwork.isEmpty() ? defaults : List.of(lookup(defaultNetwork));
    }

    /** The network a cache entry was added with: its recorded config, else (unreadable) {@code byName} of its name.
     * @param c the cache entry
     * @param byName e.g. {@code this::lookup}
     * @return the network */
    public NetworkConfigList configOf(CachedAttachment c, Function<String, NetworkConfigList> byName) {
        try {
            return NetworkConfigList.fromBytes(c.config(), "cached config of " + c.networkName());
        } catch (ConfigException e) {
            return byName.apply(c.networkName());
        }
    }

    /** Finds a network by name: in the snapshot first, then (for networks created since) in the directory.
     * @param name the network name
     * @return the network
     * @throws ConfigException libcni's {@code no net configuration with name "<name>" in <dir>} and friends */
    public NetworkConfigList lookup(String name) {
        NetworkConfigList net = byName.get(name);
        if (net != null) {
            return net;
        }
        if (loopback.isPresent() && loopback.get().name().equals(name)) {
            return loopback.get();
        }
        return ConfLoader.loadConfList(confDir, name);
    }
}
