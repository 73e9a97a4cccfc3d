package io.github.cni4j;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.result.Result;
import java.util.List;

/**
 * One network of an {@link Attachment}: which network, on which interface, and the plugin chain's final result
 * (kept per network; go-cni merges all results into one and lets later ones overwrite earlier interfaces).
 *
 * <pre>{@code
 * for (AttachedNetwork n : attachment.networks()) {
 *     System.out.println(n.name() + " on " + n.ifName() + ": " + new String(n.result().toBytes()));
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param config the network configuration the attach used
 * @param ifName the interface name the network was attached as (CNI_IFNAME), {@code lo} for loopback
 * @param result the final result of the network's plugin chain, in the version the plugins produced
 * @param interfaces the container-side interfaces this network made (normally one)
 */
public record AttachedNetwork(NetworkConfigList config, String ifName, Result result,
                              List<AttachedInterface> interfaces) {

    /** Copies the interfaces.
     * @param config the config
     * @param ifName the interface name
     * @param result the result
     * @param interfaces the interfaces */
    public AttachedNetwork {
        interfaces = List.copyOf(interfaces);
    }

    /** {@return the network name} */
    public String name() {
        return config.name();
    }
}
