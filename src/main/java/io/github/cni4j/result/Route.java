package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import java.net.InetAddress;
import io.github.cni4j.internal.value.CniStyle;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One route a plugin installed ({@code routes[]} of a result).
 *
 * <p>{@link #mtu()}, {@link #advmss()}, {@link #priority()}, {@link #table()} and {@link #scope()} are new in
 * CNI 1.1.0; the first three are 0 when not set, table and scope are optional because 0 is a meaningful value
 * (scope 0 is "global"). libcni keeps them when converting to 0.3.x/0.4.0 and drops them for 0.1.0/0.2.0.
 *
 * <pre>{@code
 * Route dflt = Route.builder().dst("0.0.0.0/0").gw("10.22.0.1").build();
 * Route link = Route.builder().dst("10.0.0.0/8").scope(253).build();
 * Route viaGw = Route.of("192.168.0.0/16", "10.1.0.254");    // a host-local or static config's routes entry
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class Route {

    Route() {
    }

    /** {@return a new builder; the destination is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A route to {@code dst} through the interface's default gateway, as a config's {@code routes} entry
     * ({@code host-local}, {@code static}) writes it.
     *
     * @param dst the destination CIDR, e.g. {@code 0.0.0.0/0}
     * @return the route
     * @throws IllegalArgumentException if {@code dst} is not a CIDR
     */
    public static Route of(String dst) {
        return builder().dst(dst).build();
    }

    /**
     * A route to {@code dst} through {@code gw}, as a config's {@code routes} entry writes it; the gateway must be
     * of the destination's address family (the IPAM plugins refuse anything else at ADD).
     *
     * @param dst the destination CIDR, e.g. {@code 192.168.0.0/16}
     * @param gw the gateway, e.g. {@code 10.1.0.254}
     * @return the route
     * @throws IllegalArgumentException if {@code dst} is not a CIDR, {@code gw} not an IP address or of the other
     *         address family
     */
    public static Route of(String dst, String gw) {
        Route r = builder().dst(dst).gw(gw).build();
        if ((r.gw().orElseThrow().getAddress().length == 4) != r.dst().isIpv4()) {
            throw new IllegalArgumentException("gw: " + gw + " is not of the address family of dst " + dst);
        }
        return r;
    }

    /** {@return a builder that starts from this route's values} */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** {@return the destination, e.g. {@code 0.0.0.0/0}} */
    public abstract IpPrefix dst();

    /** {@return the next hop, if any (none means the interface's default gateway or a link route)} */
    public abstract Optional<InetAddress> gw();

    /** {@return the route MTU, or 0 when not set} */
    @Value.Default
    public int mtu() {
        return 0;
    }

    /** {@return the advertised MSS, or 0 when not set} */
    @Value.Default
    public int advmss() {
        return 0;
    }

    /** {@return the route priority (metric), or 0 when not set} */
    @Value.Default
    public int priority() {
        return 0;
    }

    /** {@return the routing table, if set} */
    public abstract Optional<Integer> table();

    /** {@return the route scope (0 global, 253 link, 254 host), if set} */
    public abstract Optional<Integer> scope();

    /** Keeps the gateway in Go's form (IPv4 as 4 bytes, no host name). */
    @Value.Check
    Route normalize() {
        InetAddress g = gw().orElse(null);
        return g == null || IpPrefix.goForm(g) == g ? this : builder().from(this).gw(IpPrefix.goForm(g)).build();
    }

    @Override
    public String toString() {
        return "Route{dst=" + dst() + gw().map(g -> ", gw=" + GoIp.format(g)).orElse("") + ", mtu=" + mtu()
                + ", advmss=" + advmss() + ", priority=" + priority() + ", table=" + table().orElse(null)
                + ", scope=" + scope().orElse(null) + "}";
    }

    /**
     * Builds a {@link Route}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Route r = Route.builder().dst("192.168.0.0/16").gw("10.0.0.1").priority(100).build();
     * }</pre>
     */
    public static final class Builder extends ImmutableRoute.Builder {

        Builder() {
        }

        /**
         * Sets the destination from CIDR text (required).
         *
         * @param cidr e.g. {@code "0.0.0.0/0"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not a CIDR address
         */
        public Builder dst(String cidr) {
            return dst(IpPrefix.parse(cidr));
        }

        /**
         * Sets the next hop from its text (default none).
         *
         * @param gw e.g. {@code "10.0.0.1"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not an IP address
         */
        public Builder gw(String gw) {
            return gw(IpPrefix.ip(Objects.requireNonNull(gw, "gw")));
        }

        /**
         * Builds the route.
         *
         * @return the route
         * @throws IllegalArgumentException if the destination is missing
         */
        @Override
        public Route build() {
            try {
                return super.build();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("dst is required", e);
            }
        }
    }
}
