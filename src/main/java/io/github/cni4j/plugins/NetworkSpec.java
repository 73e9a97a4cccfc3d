package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code docker network create} / {@code nerdctl network create} take: name, driver, subnets, gateway, IP range,
 * bridge options, labels. Docker's {@code -o} option names are accepted through {@link Builder#option}.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.builder("web")
 *         .addSubnet("10.20.0.0/24").gateway("10.20.0.1").ipRange("10.20.0.128/25")
 *         .option("com.docker.network.driver.mtu", "1400")
 *         .putLabel("team", "infra")
 *         .build();
 * NetworkSpec same = NetworkSpec.fromDockerArgs(List.of("--subnet", "10.20.0.0/24", "-o", "mtu=1400", "web"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NetworkSpec {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

    /** The network drivers {@link NetworkManager} can create. */
    public enum Driver {
        /** A Linux bridge: bridge + portmap + firewall + tuning. */
        BRIDGE,
        /** A macvlan sub-interface of {@code parent}. */
        MACVLAN,
        /** An ipvlan sub-interface of {@code parent}. */
        IPVLAN;

        /**
         * The driver of a {@code --driver} value.
         *
         * @param name {@code bridge}, {@code macvlan} or {@code ipvlan}
         * @return the driver
         * @throws IllegalArgumentException {@code unsupported cni driver "<d>"} otherwise (for {@code overlay}
         *     with a pointer to cni4j-overlay)
         */
        public static Driver parse(String name) {
            for (Driver d : values()) {
                if (d.cliName().equals(name)) {
                    return d;
                }
            }
            if (name.equals("overlay")) {
                throw new IllegalArgumentException("unsupported cni driver \"overlay\": overlay networks live in a"
                        + " cluster store: use cni4j-overlay (cnitool network create -d overlay --cluster-store ...)");
            }
            throw new IllegalArgumentException("unsupported cni driver \"" + name + "\"");
        }

        /**
         * The lower-case name used on command lines and as plugin type.
         *
         * @return e.g. {@code "bridge"}
         */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Builder b;

    private NetworkSpec(Builder b) {
        this.b = b;
    }

    /**
     * A new builder.
     *
     * @param name the network name ({@code ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$})
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(Objects.requireNonNull(name, "name"));
    }

    /**
     * Parses {@code docker network create} arguments: {@code -d/--driver}, {@code --subnet}, {@code --gateway},
     * {@code --ip-range}, {@code --ipv6}, {@code --internal}, {@code --label k=v}, {@code -o/--opt k=v} (also as
     * {@code --opt=k=v}), then the name.
     *
     * @param args the arguments after {@code network create}
     * @return the spec
     * @throws IllegalArgumentException for an unknown flag, a missing value or a wrong option
     */
    public static NetworkSpec fromDockerArgs(List<String> args) {
        return DockerArgs.parse(args);
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    public String name() {
        return b.name;
    }

    /**
     * Returns the driver (default {@link Driver#BRIDGE}).
     *
     * @return the driver (default {@link Driver#BRIDGE})
     */
    public Driver driver() {
        return b.driver;
    }

    /**
     * Returns the subnets in the order given; empty means "pick a free /24".
     *
     * @return the subnets in the order given; empty means "pick a free /24"
     */
    public List<String> subnets() {
        return List.copyOf(b.subnets);
    }

    /**
     * Returns the gateway, or empty for the subnet's first address.
     *
     * @return the gateway, or empty for the subnet's first address
     */
    public Optional<String> gateway() {
        return Optional.ofNullable(b.gateway);
    }

    /**
     * Returns the range containers get addresses from, or empty for the whole subnet.
     *
     * @return the range containers get addresses from, or empty for the whole subnet
     */
    public Optional<String> ipRange() {
        return Optional.ofNullable(b.ipRange);
    }

    /**
     * Returns the bridge device name, or empty for {@code br-<12 hex of the ID>}.
     *
     * @return the bridge device name, or empty for {@code br-<12 hex of the ID>}
     */
    public Optional<String> bridgeName() {
        return Optional.ofNullable(b.bridgeName);
    }

    /**
     * Returns whether outgoing traffic is masqueraded (default true).
     *
     * @return whether outgoing traffic is masqueraded (default true)
     */
    public boolean ipMasq() {
        return b.ipMasq;
    }

    /**
     * Returns whether containers on the bridge may talk to each other (default true).
     *
     * @return whether containers on the bridge may talk to each other (default true)
     */
    public boolean icc() {
        return b.icc;
    }

    /**
     * Returns whether the network has no gateway, no masquerading and no port mapping (default false).
     *
     * @return whether the network has no gateway, no masquerading and no port mapping (default false)
     */
    public boolean internal() {
        return b.internal;
    }

    /**
     * Returns whether IPv6 is enabled (explicitly or by an IPv6 subnet).
     *
     * @return whether IPv6 is enabled (explicitly or by an IPv6 subnet)
     */
    public boolean ipv6() {
        return b.ipv6;
    }

    /**
     * Returns the MTU, or empty for the plugin default.
     *
     * @return the MTU, or empty for the plugin default
     */
    public Optional<Integer> mtu() {
        return Optional.ofNullable(b.mtu);
    }

    /**
     * Returns the macvlan/ipvlan parent interface, or empty for the plugin default.
     *
     * @return the macvlan/ipvlan parent interface, or empty for the plugin default
     */
    public Optional<String> parent() {
        return Optional.ofNullable(b.parent);
    }

    /**
     * Returns the macvlan/ipvlan mode, or empty for the plugin default.
     *
     * @return the macvlan/ipvlan mode, or empty for the plugin default
     */
    public Optional<String> mode() {
        return Optional.ofNullable(b.mode);
    }

    /**
     * Returns the default host IP for port mappings ({@code com.docker.network.bridge.host_binding_ipv4}).
     *
     * @return the default host IP for port mappings ({@code com.docker.network.bridge.host_binding_ipv4})
     */
    public Optional<String> hostBindingIpv4() {
        return Optional.ofNullable(b.hostBindingIpv4);
    }

    /**
     * Returns the labels, in the order given.
     *
     * @return the labels, in the order given
     */
    public Map<String, String> labels() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
    }

    /**
     * Returns the driver options as given ({@code -o k=v}).
     *
     * @return the driver options as given ({@code -o k=v})
     */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    }

    @Override
    public String toString() {
        return "NetworkSpec[name=" + b.name + ", driver=" + b.driver.cliName() + ", subnets=" + b.subnets
                + ", options=" + b.options + ", labels=" + b.labels + "]";
    }

    /**
     * Builds {@link NetworkSpec}s; not thread-safe.
     *
     * <pre>{@code
     * NetworkSpec s = NetworkSpec.builder("lan").driver(NetworkSpec.Driver.MACVLAN).parent("eth0")
     *         .addSubnet("192.168.1.0/24").build();
     * }</pre>
     */
    public static final class Builder {

        private final String name;
        private Driver driver = Driver.BRIDGE;
        private final List<String> subnets = new ArrayList<>();
        private String gateway;
        private String ipRange;
        private String bridgeName;
        private boolean ipMasq = true;
        private boolean icc = true;
        private boolean internal;
        private boolean ipv6;
        private Integer mtu;
        private String parent;
        private String mode;
        private String hostBindingIpv4;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the driver option: the driver (default bridge).
         *
         * @param d the driver (default bridge)
         * @return this builder
         */
        public Builder driver(Driver d) {
            this.driver = Objects.requireNonNull(d, "driver");
            return this;
        }

        /**
         * Adds a subnet, IPv4 or IPv6, as a network address.
         *
         * @param cidr a subnet, IPv4 or IPv6, as a network address
         * @return this builder
         */
        public Builder addSubnet(String cidr) {
            subnets.add(Objects.requireNonNull(cidr, "cidr"));
            return this;
        }

        /**
         * Sets the gateway option: the gateway inside one of the subnets.
         *
         * @param ip the gateway inside one of the subnets
         * @return this builder
         */
        public Builder gateway(String ip) {
            this.gateway = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /**
         * Sets the ipRange option: the sub-range of a subnet containers get addresses from.
         *
         * @param cidr the sub-range of a subnet containers get addresses from
         * @return this builder
         */
        public Builder ipRange(String cidr) {
            this.ipRange = Objects.requireNonNull(cidr, "cidr");
            return this;
        }

        /**
         * Sets the bridgeName option: the bridge device name (at most 15 characters).
         *
         * @param bridge the bridge device name (at most 15 characters)
         * @return this builder
         */
        public Builder bridgeName(String bridge) {
            this.bridgeName = Objects.requireNonNull(bridge, "bridge");
            return this;
        }

        /**
         * Sets the ipMasq option: whether to masquerade (default true).
         *
         * @param on whether to masquerade (default true)
         * @return this builder
         */
        public Builder ipMasq(boolean on) {
            this.ipMasq = on;
            return this;
        }

        /**
         * Sets the icc option: whether containers may talk to each other (default true).
         *
         * @param on whether containers may talk to each other (default true)
         * @return this builder
         */
        public Builder icc(boolean on) {
            this.icc = on;
            return this;
        }

        /**
         * Sets the internal option: whether the network is internal (default false).
         *
         * @param on whether the network is internal (default false)
         * @return this builder
         */
        public Builder internal(boolean on) {
            this.internal = on;
            return this;
        }

        /**
         * Sets the ipv6 option: whether IPv6 is enabled (default false).
         *
         * @param on whether IPv6 is enabled (default false)
         * @return this builder
         */
        public Builder ipv6(boolean on) {
            this.ipv6 = on;
            return this;
        }

        /**
         * Sets the mtu option: the MTU (0 = plugin default).
         *
         * @param value the MTU (0 = plugin default)
         * @return this builder
         */
        public Builder mtu(int value) {
            this.mtu = value;
            return this;
        }

        /**
         * Sets the parent option: the macvlan/ipvlan parent interface.
         *
         * @param ifName the macvlan/ipvlan parent interface
         * @return this builder
         */
        public Builder parent(String ifName) {
            this.parent = Objects.requireNonNull(ifName, "ifName");
            return this;
        }

        /**
         * Sets the mode option: the macvlan/ipvlan mode.
         *
         * @param value the macvlan/ipvlan mode
         * @return this builder
         */
        public Builder mode(String value) {
            this.mode = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the hostBindingIpv4 option: the default host IP of port mappings.
         *
         * @param ip the default host IP of port mappings
         * @return this builder
         */
        public Builder hostBindingIpv4(String ip) {
            this.hostBindingIpv4 = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /**
         * Adds a label.
         *
         * @param key a label key
         * @param value its value
         * @return this builder
         */
        public Builder putLabel(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Applies a Docker/nerdctl driver option ({@code -o key=value}); see docs/plugins.md for the table.
         * Options are checked against the driver by {@link #build()}.
         *
         * @param key e.g. {@code com.docker.network.bridge.name}, {@code mtu}, {@code parent}
         * @param value the option value
         * @return this builder
         */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Validates and builds the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException naming the field (nerdctl's texts where it has one)
         */
        public NetworkSpec build() {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name: invalid network name \"" + name
                        + "\" (expected ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$)");
            }
            DockerOptions.apply(this, options);
            if (subnets.isEmpty() && (gateway != null || ipRange != null)) {
                throw new IllegalArgumentException("cannot set gateway or ip-range without subnet, specify --subnet "
                        + "manually");
            }
            Cidr gw = gateway == null ? null : Cidr.ip("gateway", gateway);
            Cidr range = ipRange == null ? null : Cidr.parse("ipRange", ipRange);
            boolean gwMatched = false;
            boolean rangeMatched = false;
            for (String s : subnets) {
                Cidr c = Cidr.parse("subnet", s);
                if (!c.isNetworkAddress()) {
                    throw new IllegalArgumentException("unexpected subnet \"" + s + "\", maybe you meant \""
                            + c.network() + "\"?");
                }
                ipv6 |= !c.isV4();
                gwMatched |= gw != null && c.contains(gw);
                rangeMatched |= range != null && c.contains(range);
            }
            if (gw != null && !gwMatched) {
                throw new IllegalArgumentException("no matching subnet for gateway \"" + gateway + "\"");
            }
            if (range != null && !rangeMatched) {
                throw new IllegalArgumentException("no matching subnet for ip-range \"" + ipRange + "\"");
            }
            if (mtu != null && mtu != 0 && (mtu < 68 || mtu > 65535)) {
                throw new IllegalArgumentException("mtu: MTU " + mtu + " out of range (0 or 68-65535)");
            }
            if (bridgeName != null) {
                Fields.ifName("bridgeName", bridgeName);
            }
            if (parent != null) {
                Fields.ifName("parent", parent);
            }
            checkDriver();
            return new NetworkSpec(copy());
        }

        private void checkDriver() {
            if (driver != Driver.BRIDGE && (bridgeName != null || hostBindingIpv4 != null)) {
                throw new IllegalArgumentException("bridgeName: only the bridge driver has a bridge");
            }
            if (driver == Driver.BRIDGE && (parent != null || mode != null)) {
                throw new IllegalArgumentException("parent/mode: only macvlan and ipvlan have a parent and a mode");
            }
            if (driver == Driver.MACVLAN && mode != null
                    && !List.of("bridge", "private", "vepa", "passthru").contains(mode)) {
                throw new IllegalArgumentException("unknown macvlan mode \"" + mode + "\"");
            }
            if (driver == Driver.IPVLAN && mode != null && !List.of("l2", "l3", "l3s").contains(mode)) {
                throw new IllegalArgumentException("unknown ipvlan mode \"" + mode + "\"");
            }
        }

        private Builder copy() {
            Builder c = new Builder(name);
            c.driver = driver;
            c.subnets.addAll(subnets);
            c.gateway = gateway;
            c.ipRange = ipRange;
            c.bridgeName = bridgeName;
            c.ipMasq = ipMasq;
            c.icc = icc;
            c.internal = internal;
            c.ipv6 = ipv6;
            c.mtu = mtu;
            c.parent = parent;
            c.mode = mode;
            c.hostBindingIpv4 = hostBindingIpv4;
            c.labels.putAll(labels);
            c.options.putAll(options);
            return c;
        }

        Driver driverValue() {
            return driver;
        }
    }
}
