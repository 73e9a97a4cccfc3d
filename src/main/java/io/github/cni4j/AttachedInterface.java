package io.github.cni4j;

import io.github.cni4j.result.IpConfig;
import io.github.cni4j.result.Route;
import java.util.List;
import java.util.Optional;

/**
 * One interface inside the container, as an attach left it: go-cni's per-interface {@code Config}, tied to the
 * network that made it and with that network's routes. Addresses and routes are the result API's own
 * {@link IpConfig} and {@link Route}. Read from {@link Attachment#interfaces()}.
 *
 * <pre>{@code
 * AttachedInterface eth0 = attachment.interfaces().get("eth0");
 * IpPrefix cidr = eth0.ips().get(0).address();                  // 10.88.0.5/16
 * InetAddress ip = cidr.address();                              // 10.88.0.5
 * Optional<InetAddress> gw = eth0.ips().get(0).gateway();
 * String net = eth0.network();                                  // "bridge"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the interface name inside the container, e.g. {@code eth0}
 * @param network the network that created the interface
 * @param mac the MAC address, if the plugin reported one
 * @param sandbox the namespace path the plugin reported for the interface
 * @param mtu the MTU, if the plugin reported one (CNI 1.1.0)
 * @param ips the addresses assigned to the interface, in result order
 * @param routes the routes of the network that made the interface
 */
public record AttachedInterface(String name, String network, Optional<String> mac, String sandbox,
                                Optional<Integer> mtu, List<IpConfig> ips, List<Route> routes) {

    /** Copies the lists.
     * @param name the name
     * @param network the network
     * @param mac the MAC
     * @param sandbox the sandbox
     * @param mtu the MTU
     * @param ips the addresses
     * @param routes the routes */
    public AttachedInterface {
        ips = List.copyOf(ips);
        routes = List.copyOf(routes);
    }
}
