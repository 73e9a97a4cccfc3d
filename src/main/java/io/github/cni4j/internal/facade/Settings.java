package io.github.cni4j.internal.facade;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code Cni} was built with that the facade (rather than the invoker) uses.
 *
 * @param confDir the configuration directory
 * @param sources explicit networks: {@code NetworkConfigList} values or {@code Path}s to load, in order
 * @param loopback whether the loopback network is attached first
 * @param minNetworks how many non-loopback default networks attach needs
 * @param prefix the interface name prefix
 * @param maxConfFiles how many networks of the configuration directory are default networks
 * @param defaultHostIp the host IP for port mappings that name none, or {@code ""}
 * @param defaultNetwork the name of the default network, or {@code ""} for the first one(s)
 */
public record Settings(Path confDir, List<Object> sources, boolean loopback, int minNetworks, String prefix,
                       int maxConfFiles, String defaultHostIp, String defaultNetwork) {

    /** Copies the sources. */
    public Settings {
        sources = List.copyOf(sources);
    }

    /** The default host IP, if any. */
    public Optional<String> hostIp() {
        return defaultHostIp.isEmpty() ? Optional.empty() : Optional.of(defaultHostIp);
    }
}
