package io.github.cni4j.plugins;

import java.util.Objects;
import java.util.Optional;

/**
 * One IPAM route, {@code {"dst":"0.0.0.0/0","gw":"10.1.0.1"}}: destination prefix and optional gateway.
 *
 * <pre>{@code
 * Route defaultRoute = Route.of("0.0.0.0/0");
 * Route viaGateway = Route.of("192.168.0.0/16", "10.1.0.254");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Route {

    private final String dst;
    private final Optional<String> gw;

    private Route(String dst, Optional<String> gw) {
        Cidr d = Cidr.parse("dst", Objects.requireNonNull(dst, "dst"));
        gw.ifPresent(g -> {
            if (Cidr.ip("gw", g).isV4() != d.isV4()) {
                throw new IllegalArgumentException("gw: " + g + " is not of the address family of dst " + dst);
            }
        });
        this.dst = dst;
        this.gw = gw;
    }

    /**
     * A route without gateway (the IPAM range's gateway is used).
     *
     * @param dst destination CIDR
     * @return the route
     * @throws IllegalArgumentException when {@code dst} is not a CIDR
     */
    public static Route of(String dst) {
        return new Route(dst, Optional.empty());
    }

    /**
     * A route via a gateway.
     *
     * @param dst destination CIDR
     * @param gw gateway address of the same family
     * @return the route
     * @throws IllegalArgumentException when an address is malformed
     */
    public static Route of(String dst, String gw) {
        return new Route(dst, Optional.of(Objects.requireNonNull(gw, "gw")));
    }

    /**
     * The destination prefix.
     *
     * @return the {@code dst} CIDR
     */
    public String dst() {
        return dst;
    }

    /**
     * The gateway.
     *
     * @return {@code gw}, or empty
     */
    public Optional<String> gw() {
        return gw;
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
        return "Route[dst=" + dst + gw.map(g -> ", gw=" + g).orElse("") + "]";
    }
}
