package io.github.cni4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One interface inside the container, as an attach left it: go-cni's per-interface {@code Config}, but tied to
 * the network that made it and with that network's routes. Read from {@link Attachment#interfaces()}.
 *
 * <pre>{@code
 * AttachedInterface eth0 = attachment.interfaces().get("eth0");
 * String cidr = eth0.ips().get(0).address();         // "10.88.0.5/16"
 * String gw = eth0.ips().get(0).gateway().orElse("");
 * String net = eth0.network();                        // "bridge"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AttachedInterface {

    private final String name;
    private final String network;
    private final String mac;
    private final String sandbox;
    private final int mtu;
    private final List<Address> ips;
    private final List<Route> routes;

    AttachedInterface(String name, String network, String mac, String sandbox, int mtu, List<Address> ips,
                      List<Route> routes) {
        this.name = name;
        this.network = network;
        this.mac = mac;
        this.sandbox = sandbox;
        this.mtu = mtu;
        this.ips = List.copyOf(ips);
        this.routes = List.copyOf(routes);
    }

    /**
     * Returns the interface name inside the container.
     *
     * @return e.g. {@code eth0}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the network that created the interface.
     *
     * @return the network name
     */
    public String network() {
        return network;
    }

    /**
     * Returns the MAC address, if the plugin reported one.
     *
     * @return the MAC
     */
    public Optional<String> mac() {
        return mac.isEmpty() ? Optional.empty() : Optional.of(mac);
    }

    /**
     * Returns the namespace path the plugin reported for the interface.
     *
     * @return the path, {@code ""} when the plugin left it out
     */
    public String sandbox() {
        return sandbox;
    }

    /**
     * Returns the MTU, if the plugin reported one (CNI 1.1.0).
     *
     * @return the MTU
     */
    public Optional<Integer> mtu() {
        return mtu > 0 ? Optional.of(mtu) : Optional.empty();
    }

    /**
     * Returns the addresses assigned to the interface, in result order.
     *
     * @return unmodifiable, possibly empty
     */
    public List<Address> ips() {
        return ips;
    }

    /**
     * Returns the routes of the network that made the interface.
     *
     * @return unmodifiable, possibly empty
     */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public String toString() {
        return name + "[network=" + network + ", mac=" + mac + ", ips=" + ips + ", routes=" + routes + "]";
    }

    /**
     * One address of an interface, with its gateway.
     *
     * <pre>{@code
     * String ip = iface.ips().get(0).ip();               // "10.88.0.5"
     * }</pre>
     *
     * <p>Instances are immutable and thread-safe.
     */
    public static final class Address {
        private final String address;
        private final String gateway;

        Address(String address, String gateway) {
            this.address = address;
            this.gateway = gateway;
        }

        /**
         * Returns the address with its prefix length.
         *
         * @return e.g. {@code 10.88.0.5/16}
         */
        public String address() {
            return address;
        }

        /**
         * Returns the address without the prefix length.
         *
         * @return e.g. {@code 10.88.0.5}
         */
        public String ip() {
            int slash = address.indexOf('/');
            return slash < 0 ? address : address.substring(0, slash);
        }

        /**
         * Returns the gateway, if the plugin reported one.
         *
         * @return the gateway
         */
        public Optional<String> gateway() {
            return gateway.isEmpty() ? Optional.empty() : Optional.of(gateway);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && a.address.equals(address) && a.gateway.equals(gateway);
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, gateway);
        }

        @Override
        public String toString() {
            return gateway.isEmpty() ? address : address + " via " + gateway;
        }
    }

    /**
     * One route of a network's result.
     *
     * <pre>{@code
     * boolean hasDefault = iface.routes().stream().anyMatch(r -> r.dst().equals("0.0.0.0/0"));
     * }</pre>
     *
     * <p>Instances are immutable and thread-safe.
     */
    public static final class Route {
        private final String dst;
        private final String gw;

        Route(String dst, String gw) {
            this.dst = dst;
            this.gw = gw;
        }

        /**
         * Returns the destination.
         *
         * @return a CIDR such as {@code 0.0.0.0/0}
         */
        public String dst() {
            return dst;
        }

        /**
         * Returns the next hop, if set (else the interface's gateway is used).
         *
         * @return the next hop
         */
        public Optional<String> gw() {
            return gw.isEmpty() ? Optional.empty() : Optional.of(gw);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Route r && r.dst.equals(dst) && r.gw.equals(gw);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dst, gw);
        }

        @Override
        public String toString() {
            return gw.isEmpty() ? dst : dst + " via " + gw;
        }
    }
}
