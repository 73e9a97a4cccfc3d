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
 */
public final class AttachedNetwork {

    private final NetworkConfigList config;
    private final String ifName;
    private final Result result;
    private final List<AttachedInterface> interfaces;

    AttachedNetwork(NetworkConfigList config, String ifName, Result result, List<AttachedInterface> interfaces) {
        this.config = config;
        this.ifName = ifName;
        this.result = result;
        this.interfaces = List.copyOf(interfaces);
    }

    /**
     * Returns the network name.
     *
     * @return the name
     */
    public String name() {
        return config.name();
    }

    /**
     * Returns the interface name the network was attached as (CNI_IFNAME).
     *
     * @return e.g. {@code eth0}, or {@code lo} for the loopback network
     */
    public String ifName() {
        return ifName;
    }

    /**
     * Returns the network configuration the attach used.
     *
     * @return the configuration
     */
    public NetworkConfigList config() {
        return config;
    }

    /**
     * Returns the final result of the network's plugin chain, in the version the plugins produced.
     *
     * @return the result
     */
    public Result result() {
        return result;
    }

    /**
     * Returns the container-side interfaces this network made (normally one).
     *
     * @return unmodifiable
     */
    public List<AttachedInterface> interfaces() {
        return interfaces;
    }

    @Override
    public String toString() {
        return name() + "(" + ifName + ")" + interfaces;
    }
}
