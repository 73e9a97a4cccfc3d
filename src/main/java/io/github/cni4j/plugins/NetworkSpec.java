package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.value.CniStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

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
@Value.Immutable
@CniStyle
public abstract class NetworkSpec {

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

        /** {@return the lower-case name used on command lines and as plugin type, e.g. {@code "bridge"}} */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    NetworkSpec() {
    }

    /** A new builder.
     * @param name the network name ({@code ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$})
     * @return the builder */
    public static Builder builder(String name) {
        return new Builder().name(name);
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

    /** {@return the name} */
    public abstract String name();

    /** {@return the driver (default {@link Driver#BRIDGE})} */
    @Value.Default
    public Driver driver() {
        return Driver.BRIDGE;
    }

    /** {@return the subnets in the order given; empty means "pick a free /24"} */
    public abstract List<String> subnets();

    /** {@return the gateway inside one of the subnets, or empty for the subnet's first address} */
    public abstract Optional<String> gateway();

    /** {@return the sub-range of a subnet containers get addresses from, or empty for the whole subnet} */
    public abstract Optional<String> ipRange();

    /** {@return the bridge device name, or empty for {@code br-<12 hex of the ID>}} */
    public abstract Optional<String> bridgeName();

    /** {@return whether outgoing traffic is masqueraded (default true)} */
    @Value.Default
    public boolean ipMasq() {
        return true;
    }

    /** {@return whether containers on the bridge may talk to each other (default true)} */
    @Value.Default
    public boolean icc() {
        return true;
    }

    /** {@return whether the network has no gateway, no masquerading and no port mapping (default false)} */
    @Value.Default
    public boolean internal() {
        return false;
    }

    /** {@return whether IPv6 is enabled (explicitly or by an IPv6 subnet)} */
    @Value.Default
    public boolean ipv6() {
        return false;
    }

    /** {@return the MTU (0 = plugin default), or empty for the plugin default} */
    public abstract Optional<Integer> mtu();

    /** {@return the macvlan/ipvlan parent interface, or empty for the plugin default} */
    public abstract Optional<String> parent();

    /** {@return the macvlan/ipvlan mode, or empty for the plugin default} */
    public abstract Optional<String> mode();

    /** {@return the default host IP of port mappings ({@code com.docker.network.bridge.host_binding_ipv4})} */
    public abstract Optional<String> hostBindingIpv4();

    /** {@return the labels, in the order given} */
    public abstract Map<String, String> labels();

    /** {@return the driver options as given ({@code -o k=v})} */
    public abstract Map<String, String> options();

    /**
     * Builds {@link NetworkSpec}s; not thread-safe.
     *
     * <pre>{@code
     * NetworkSpec s = NetworkSpec.builder("lan").driver(NetworkSpec.Driver.MACVLAN).parent("eth0")
     *         .addSubnet("192.168.1.0/24").build();
     * }</pre>
     */
    public static final class Builder extends ImmutableNetworkSpec.Builder {

        Builder() {
        }

        /** Adds a subnet, IPv4 or IPv6, as a network address.
         * @param cidr the subnet
         * @return this builder */
        public Builder addSubnet(String cidr) {
            addSubnets(cidr);
            return this;
        }

        /** Adds a label.
         * @param key a label key
         * @param value its value
         * @return this builder */
        public Builder putLabel(String key, String value) {
            putLabels(key, value);
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
            putOptions(key, value);
            return this;
        }

        /** Validates and builds the spec.
         * @return the spec
         * @throws IllegalArgumentException naming the field (nerdctl's texts where it has one) */
        @Override
        public NetworkSpec build() {
            NetworkSpec s = super.build();
            if (!NAME.matcher(s.name()).matches()) {
                throw new IllegalArgumentException("name: invalid network name \"" + s.name()
                        + "\" (expected ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$)");
            }
            DockerOptions.apply(this, s.driver(), s.options());
            s = super.build();
            if (s.subnets().isEmpty() && (s.gateway().isPresent() || s.ipRange().isPresent())) {
                throw new IllegalArgumentException("cannot set gateway or ip-range without subnet, specify --subnet "
                        + "manually");
            }
            Optional<Cidr> gw = s.gateway().map(g -> Cidr.ip("gateway", g));
            Optional<Cidr> range = s.ipRange().map(r -> Cidr.parse("ipRange", r));
            boolean gwMatched = false;
            boolean rangeMatched = false;
            boolean v6 = s.ipv6();
            for (String subnet : s.subnets()) {
                Cidr c = Cidr.parse("subnet", subnet);
                if (!c.isNetworkAddress()) {
                    throw new IllegalArgumentException("unexpected subnet \"" + subnet + "\", maybe you meant \""
                            + c.network() + "\"?");
                }
                v6 |= !c.isV4();
                gwMatched |= gw.isPresent() && c.contains(gw.get());
                rangeMatched |= range.isPresent() && c.contains(range.get());
            }
            if (gw.isPresent() && !gwMatched) {
                throw new IllegalArgumentException("no matching subnet for gateway \"" + s.gateway().get() + "\"");
            }
            if (range.isPresent() && !rangeMatched) {
                throw new IllegalArgumentException("no matching subnet for ip-range \"" + s.ipRange().get() + "\"");
            }
            s.mtu().ifPresent(m -> SpecRules.mtu("mtu", m));
            s.bridgeName().ifPresent(b -> Fields.ifName("bridgeName", b));
            s.parent().ifPresent(p -> Fields.ifName("parent", p));
            checkDriver(s);
            return v6 == s.ipv6() ? s : ipv6(true).superBuild();
        }

        private NetworkSpec superBuild() {
            return super.build();
        }

        private static void checkDriver(NetworkSpec s) {
            Driver driver = s.driver();
            Optional<String> mode = s.mode();
            if (driver != Driver.BRIDGE && (s.bridgeName().isPresent() || s.hostBindingIpv4().isPresent())) {
                throw new IllegalArgumentException("bridgeName: only the bridge driver has a bridge");
            }
            if (driver == Driver.BRIDGE && (s.parent().isPresent() || mode.isPresent())) {
                throw new IllegalArgumentException("parent/mode: only macvlan and ipvlan have a parent and a mode");
            }
            Class<?> plugin = driver == Driver.MACVLAN ? Macvlan.class : Ipvlan.class;   // their declared modes
            if (driver != Driver.BRIDGE && mode.filter(m -> !SpecCodec.attribute(plugin, "mode")
                    .flatMap(SpecCodec.Attr::rules).map(k -> List.of(k.oneOf()).contains(m)).orElse(true))
                    .isPresent()) {
                throw new IllegalArgumentException("unknown " + driver.cliName() + " mode \"" + mode.get() + "\"");
            }
        }
    }
}
