package io.github.cni4j;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.facade.AttachFlow;
import io.github.cni4j.result.Dns;
import io.github.cni4j.result.IpConfig;
import io.github.cni4j.result.Result;
import io.github.cni4j.result.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an attach made: one {@link Network} per network (with its full result), and go-cni's per-interface
 * view of the container's interfaces, keyed by name.
 *
 * <p>Unlike go-cni's aggregation, IPs are checked to point at an interface that exists ({@code 0 <= index <
 * number of interfaces}; a result that breaks this fails the attach and is rolled back), an IP without an
 * interface index belongs to the network's own interface (not always {@code eth0}), and a name reported by two
 * networks fails the attach instead of silently replacing the first.
 *
 * <pre>{@code
 * Attachment a = cni.attach("web-1", netns).execute();
 * Attachment.Interface eth0 = a.interfaces().get("eth0");
 * InetAddress ip = eth0.ips().get(0).address().address();
 * List<Dns> dns = a.dns();                                  // from the networks that reported DNS
 * Result bridgeResult = a.network("bridge").orElseThrow().result();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Attachment {

    private final String containerId;
    private final Path netNsPath;
    private final List<Network> networks;
    private final Map<String, Interface> interfaces;

    private Attachment(String containerId, Path netNsPath, List<Network> networks) {
        this.containerId = containerId;
        this.netNsPath = netNsPath;
        this.networks = List.copyOf(networks);
        Map<String, Interface> byName = new LinkedHashMap<>();
        for (Network n : networks) {
            for (Interface i : n.interfaces()) {
                byName.putIfAbsent(i.name(), i);
            }
        }
        this.interfaces = Collections.unmodifiableMap(byName);
    }

    static Attachment of(String containerId, Path netNsPath, List<AttachFlow.Added> added) {
        List<Network> nets = new ArrayList<>();
        for (AttachFlow.Added a : added) {
            nets.add(new Network(a.step().net(), a.step().ifName(), a.result(),
                    AttachmentViews.interfaces(a.step(), a.result())));
        }
        return new Attachment(containerId, netNsPath, nets);
    }

    /** This attachment followed by the networks of {@code more} (a {@code connect} of the same container). */
    Attachment plus(Attachment more) {
        List<Network> nets = new ArrayList<>(networks);
        nets.addAll(more.networks);
        return new Attachment(containerId, netNsPath, nets);
    }

    /** This attachment without the network named {@code name} (a {@code disconnect}). */
    Attachment without(String name) {
        return new Attachment(containerId, netNsPath,
                networks.stream().filter(n -> !n.name().equals(name)).toList());
    }

    static Attachment empty(String containerId, Path netNsPath) {
        return new Attachment(containerId, netNsPath, List.of());
    }

    /** {@return the container ID} */
    public String containerId() {
        return containerId;
    }

    /** {@return the namespace path the networks were attached in, an empty path in host mode} */
    public Path netNsPath() {
        return netNsPath;
    }

    /** {@return the attached networks in attach order (loopback first when it was attached); unmodifiable} */
    public List<Network> networks() {
        return networks;
    }

    /** Finds an attached network by name.
     * @param name the network name
     * @return the network, if attached */
    public Optional<Network> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** {@return the container-side interfaces by name, in attach order ({@code lo}, {@code eth0}, ...); read-only} */
    public Map<String, Interface> interfaces() {
        return interfaces;
    }

    /** {@return every address of the container's interfaces, in attach order; unmodifiable} */
    public List<IpConfig> ips() {
        List<IpConfig> out = new ArrayList<>();
        interfaces.values().forEach(i -> out.addAll(i.ips()));
        return List.copyOf(out);
    }

    /** {@return the DNS settings the networks reported, one per network that reported any, in attach order} */
    public List<Dns> dns() {
        List<Dns> out = new ArrayList<>();
        networks.forEach(n -> n.result().dns().ifPresent(out::add));
        return List.copyOf(out);
    }

    /** {@return whether nothing is attached (host mode, {@code container} mode with a path, or no networks)} */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return "Attachment[" + containerId + ", " + networks + "]";
    }

    /**
     * One network of an {@link Attachment}: which network, on which interface, and the plugin chain's final result
     * (kept per network; go-cni merges all results into one and lets later ones overwrite earlier interfaces).
     *
     * <pre>{@code
     * for (Attachment.Network n : attachment.networks()) {
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
    public record Network(NetworkConfigList config, String ifName, Result result,
                          List<Interface> interfaces) {

        /** Copies the interfaces.
         * @param config the config
         * @param ifName the interface name
         * @param result the result
         * @param interfaces the interfaces */
        public Network {
            interfaces = List.copyOf(interfaces);
        }

        /** {@return the network name} */
        public String name() {
            return config.name();
        }
    }

    /**
     * One interface inside the container, as an attach left it: go-cni's per-interface {@code Config}, tied to the
     * network that made it and with that network's routes. Addresses and routes are the result API's own
     * {@link IpConfig} and {@link Route}. Read from {@link Attachment#interfaces()}.
     *
     * <pre>{@code
     * Attachment.Interface eth0 = attachment.interfaces().get("eth0");
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
    public record Interface(String name, String network, Optional<String> mac, String sandbox,
                            Optional<Integer> mtu, List<IpConfig> ips, List<Route> routes) {

        /** Copies the lists.
         * @param name the name
         * @param network the network
         * @param mac the MAC
         * @param sandbox the sandbox
         * @param mtu the MTU
         * @param ips the addresses
         * @param routes the routes */
        public Interface {
            ips = List.copyOf(ips);
            routes = List.copyOf(routes);
        }
    }
}
