package io.github.cni4j.plugins;

import io.github.cni4j.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Lookups in the networks of a conf dir, and the refusals of {@link NetworkManager}'s create and remove. */
final class Networks {

    private Networks() {
    }

    static Optional<NetworkInfo> byName(List<NetworkInfo> all, String name) {
        return all.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** By exact name, else by unique ID prefix, with nerdctl's messages. */
    static NetworkInfo find(List<NetworkInfo> all, String p, Path confDir) {
        Optional<NetworkInfo> named = byName(all, p);
        if (named.isPresent()) {
            return named.get();
        }
        List<NetworkInfo> byId = all.stream().filter(n -> !p.isEmpty() && n.id().startsWith(p)).toList();
        if (byId.size() > 1) {
            throw new ConfigException("multiple IDs found with provided prefix: " + p, confDir.toString());
        }
        if (byId.isEmpty()) {
            throw new ConfigException("no network found matching: " + p, confDir.toString());
        }
        return byId.get(0);
    }

    static void refuseTaken(String name, List<NetworkInfo> existing, Path confDir) {
        if (byName(existing, name).isPresent()) {
            throw new ConfigException("network with name " + name + " already exists", confDir.toString());
        }
    }

    static void refuseRemoval(NetworkInfo n, String defaultName) {
        if (n.name().equals(defaultName)) {
            throw new ConfigException("cannot remove pre-defined network " + n.name(), n.file().toString());
        }
        if (!n.isManaged()) {
            throw new ConfigException(n.name() + " is managed outside nerdctl and cannot be removed",
                    n.file().toString());
        }
        if (!n.containers().isEmpty()) {
            throw new ConfigException("network \"" + n.name() + "\" is in use by container \""
                    + n.containers().keySet().toString().replace(",", "") + "\"", n.file().toString());
        }
    }
}
