package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

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
public final class Route {

    private final IpPrefix dst;
    private final InetAddress gw;
    private final int mtu;
    private final int advmss;
    private final int priority;
    private final Integer table;
    private final Integer scope;

    private Route(Builder b) {
        this.dst = b.dst;
        this.gw = b.gw;
        this.mtu = b.mtu;
        this.advmss = b.advmss;
        this.priority = b.priority;
        this.table = b.table;
        this.scope = b.scope;
    }

    /**
     * Returns a new builder; the destination is required.
     *
     * @return the builder
     */
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
        if ((r.gw.getAddress().length == 4) != r.dst.isIpv4()) {
            throw new IllegalArgumentException("gw: " + gw + " is not of the address family of dst " + dst);
        }
        return r;
    }

    /**
     * Returns a builder that starts from this route's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().dst(dst).mtu(mtu).advmss(advmss).priority(priority);
        b.gw = gw;
        b.table = table;
        b.scope = scope;
        return b;
    }

    /**
     * Returns the destination, e.g. {@code 0.0.0.0/0}.
     *
     * @return the destination
     */
    public IpPrefix dst() {
        return dst;
    }

    /**
     * Returns the next hop, if any (none means the interface's default gateway or a link route).
     *
     * @return the gateway
     */
    public Optional<InetAddress> gw() {
        return Optional.ofNullable(gw);
    }

    /**
     * Returns the route MTU, or 0 when not set.
     *
     * @return the MTU
     */
    public int mtu() {
        return mtu;
    }

    /**
     * Returns the advertised MSS, or 0 when not set.
     *
     * @return the advertised MSS
     */
    public int advmss() {
        return advmss;
    }

    /**
     * Returns the route priority (metric), or 0 when not set.
     *
     * @return the priority
     */
    public int priority() {
        return priority;
    }

    /**
     * Returns the routing table, if set.
     *
     * @return the table
     */
    public Optional<Integer> table() {
        return Optional.ofNullable(table);
    }

    /**
     * Returns the route scope (0 global, 253 link, 254 host), if set.
     *
     * @return the scope
     */
    public Optional<Integer> scope() {
        return Optional.ofNullable(scope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && r.dst.equals(dst) && Objects.equals(r.gw, gw) && r.mtu == mtu
                && r.advmss == advmss && r.priority == priority && Objects.equals(r.table, table)
                && Objects.equals(r.scope, scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dst, gw, mtu, advmss, priority, table, scope);
    }

    @Override
    public String toString() {
        return "Route{dst=" + dst + (gw == null ? "" : ", gw=" + GoIp.format(gw)) + ", mtu=" + mtu
                + ", advmss=" + advmss + ", priority=" + priority + ", table=" + table + ", scope=" + scope + "}";
    }

    /**
     * Builds a {@link Route}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Route r = Route.builder().dst("192.168.0.0/16").gw("10.0.0.1").priority(100).build();
     * }</pre>
     */
    public static final class Builder {
        private IpPrefix dst;
        private InetAddress gw;
        private int mtu;
        private int advmss;
        private int priority;
        private Integer table;
        private Integer scope;

        private Builder() {
        }

        /**
         * Sets the destination (required).
         *
         * @param dst the destination
         * @return this builder
         */
        public Builder dst(IpPrefix dst) {
            this.dst = Objects.requireNonNull(dst, "dst");
            return this;
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
         * Sets the next hop (default none).
         *
         * @param gw the gateway
         * @return this builder
         */
        public Builder gw(InetAddress gw) {
            this.gw = GoIp.toInet(Objects.requireNonNull(gw, "gw").getAddress());
            return this;
        }

        /**
         * Sets the next hop from its text (default none).
         *
         * @param gw e.g. {@code "10.0.0.1"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not an IP address
         */
        public Builder gw(String gw) {
            InetAddress ip = GoIp.parse(Objects.requireNonNull(gw, "gw"));
            if (ip == null) {
                throw new IllegalArgumentException("invalid IP address: " + gw);
            }
            this.gw = ip;
            return this;
        }

        /**
         * Sets the MTU (default 0, not set).
         *
         * @param mtu the MTU
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets the advertised MSS (default 0, not set).
         *
         * @param advmss the advertised MSS
         * @return this builder
         */
        public Builder advmss(int advmss) {
            this.advmss = advmss;
            return this;
        }

        /**
         * Sets the priority (default 0, not set).
         *
         * @param priority the priority
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Sets the routing table (default not set).
         *
         * @param table the table
         * @return this builder
         */
        public Builder table(int table) {
            this.table = table;
            return this;
        }

        /**
         * Sets the scope (default not set).
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(int scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Builds the route.
         *
         * @return the route
         * @throws IllegalArgumentException if the destination is missing
         */
        public Route build() {
            if (dst == null) {
                throw new IllegalArgumentException("dst is required");
            }
            return new Route(this);
        }
    }
}
