package io.github.cni4j.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the result cache: what an ADD left behind so that a later CHECK, DEL or GC (by cni4j or by a Go
 * runtime) can find it. libcni's {@code cachedInfo} / {@code NetworkAttachment}.
 *
 * <pre>{@code
 * for (CachedAttachment a : ResultCache.of(Path.of("/var/lib/cni")).attachments("ctr1")) {
 *     System.out.println(a.networkName() + " " + a.ifName() + " " + a.netNs());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (the config array is copied in and out).
 *
 * @param containerId the container ID
 * @param networkName the network (list) name
 * @param ifName the interface name
 * @param config the network configuration list's bytes, verbatim
 * @param netNs the netns path, empty when unknown
 * @param cniArgs the {@code CNI_ARGS} pairs of the ADD
 * @param capabilityArgs the caller's whole capability-argument map of the ADD
 * @param resultJson the final ADD result, keys sorted, if any
 */
public record CachedAttachment(String containerId, String networkName, String ifName, byte[] config, String netNs,
                               List<Map.Entry<String, String>> cniArgs, Map<String, Object> capabilityArgs,
                               Optional<String> resultJson) {

    /**
     * Checks and copies the parts.
     *
     * @param containerId the container ID
     * @param networkName the network name
     * @param ifName the interface name
     * @param config the list bytes
     * @param netNs the netns path
     * @param cniArgs the CNI_ARGS pairs
     * @param capabilityArgs the capability arguments
     * @param resultJson the result JSON
     */
    public CachedAttachment {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(ifName, "ifName");
        config = Objects.requireNonNull(config, "config").clone();
        Objects.requireNonNull(netNs, "netNs");
        cniArgs = List.copyOf(cniArgs);
        capabilityArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capabilityArgs));
        Objects.requireNonNull(resultJson, "resultJson");
    }

    /**
     * Returns a copy of the cached configuration bytes.
     *
     * @return the list bytes
     */
    @Override
    public byte[] config() {
        return config.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedAttachment a && containerId.equals(a.containerId)
                && networkName.equals(a.networkName) && ifName.equals(a.ifName) && Arrays.equals(config, a.config)
                && netNs.equals(a.netNs) && cniArgs.equals(a.cniArgs) && capabilityArgs.equals(a.capabilityArgs)
                && resultJson.equals(a.resultJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(containerId, networkName, ifName, Arrays.hashCode(config), netNs, cniArgs,
                capabilityArgs, resultJson);
    }

    @Override
    public String toString() {
        return "CachedAttachment{" + networkName + "-" + containerId + "-" + ifName + ", netNs=" + netNs
                + ", cniArgs=" + cniArgs + ", capabilityArgs=" + capabilityArgs + ", config="
                + new String(config, StandardCharsets.UTF_8) + ", result=" + resultJson.orElse("") + "}";
    }
}
