package io.github.cni4j.plugins;

import java.util.Objects;
import java.util.Optional;

/**
 * One host-local range: {@code subnet} and optional {@code rangeStart}, {@code rangeEnd}, {@code gateway}. Checked
 * for syntax here and against its subnet when the {@link HostLocal} config is built.
 *
 * <pre>{@code
 * IpRange r = IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.100").withRangeEnd("10.1.0.199").withGateway("10.1.0.1");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpRange {

    private final String subnet;
    private final Optional<String> rangeStart;
    private final Optional<String> rangeEnd;
    private final Optional<String> gateway;

    private IpRange(String subnet, Optional<String> rangeStart, Optional<String> rangeEnd, Optional<String> gateway) {
        Cidr.parse("subnet", subnet);
        rangeStart.ifPresent(v -> Cidr.ip("rangeStart", v));
        rangeEnd.ifPresent(v -> Cidr.ip("rangeEnd", v));
        gateway.ifPresent(v -> Cidr.ip("gateway", v));
        this.subnet = subnet;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
        this.gateway = gateway;
    }

    /**
     * A range covering the whole subnet.
     *
     * @param subnet the subnet CIDR, e.g. {@code 10.1.0.0/24}
     * @return the range
     * @throws IllegalArgumentException when {@code subnet} is not a CIDR
     */
    public static IpRange of(String subnet) {
        return new IpRange(Objects.requireNonNull(subnet, "subnet"), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A copy with the first allocatable address.
     *
     * @param ip an address inside the subnet
     * @return the new range
     */
    public IpRange withRangeStart(String ip) {
        return new IpRange(subnet, Optional.of(Objects.requireNonNull(ip, "ip")), rangeEnd, gateway);
    }

    /**
     * A copy with the last allocatable address.
     *
     * @param ip an address inside the subnet
     * @return the new range
     */
    public IpRange withRangeEnd(String ip) {
        return new IpRange(subnet, rangeStart, Optional.of(Objects.requireNonNull(ip, "ip")), gateway);
    }

    /**
     * A copy with the gateway (host-local's default is the subnet's first address).
     *
     * @param ip an address inside the subnet
     * @return the new range
     */
    public IpRange withGateway(String ip) {
        return new IpRange(subnet, rangeStart, rangeEnd, Optional.of(Objects.requireNonNull(ip, "ip")));
    }

    /**
     * The subnet.
     *
     * @return the {@code subnet} CIDR
     */
    public String subnet() {
        return subnet;
    }

    /**
     * The first allocatable address.
     *
     * @return {@code rangeStart}, or empty
     */
    public Optional<String> rangeStart() {
        return rangeStart;
    }

    /**
     * The last allocatable address.
     *
     * @return {@code rangeEnd}, or empty
     */
    public Optional<String> rangeEnd() {
        return rangeEnd;
    }

    /**
     * The gateway.
     *
     * @return {@code gateway}, or empty
     */
    public Optional<String> gateway() {
        return gateway;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.subnet.equals(subnet) && r.rangeStart.equals(rangeStart)
                && r.rangeEnd.equals(rangeEnd) && r.gateway.equals(gateway);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subnet, rangeStart, rangeEnd, gateway);
    }

    @Override
    public String toString() {
        return "IpRange[subnet=" + subnet + rangeStart.map(v -> ", rangeStart=" + v).orElse("")
                + rangeEnd.map(v -> ", rangeEnd=" + v).orElse("") + gateway.map(v -> ", gateway=" + v).orElse("") + "]";
    }
}
