package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.util.Objects;

/**
 * An IPv4 overlay range cut into equal per-host subnets (by default /24s), as flannel does.
 *
 * <pre>{@code
 * SubnetPlan plan = SubnetPlan.of("10.200.0.0/16", 24);
 * plan.count();      // 256
 * plan.subnet(3);    // "10.200.3.0/24"
 * }</pre>
 */
public final class SubnetPlan {
    private final String range;
    private final long base;
    private final int rangePrefix;
    private final int hostPrefix;

    private SubnetPlan(String range, long base, int rangePrefix, int hostPrefix) {
        this.range = range;
        this.base = base;
        this.rangePrefix = rangePrefix;
        this.hostPrefix = hostPrefix;
    }

    /**
     * Parses an IPv4 CIDR range and the prefix length of each host's subnet.
     *
     * @param cidr the whole overlay range, e.g. {@code 10.200.0.0/16}
     * @param hostPrefix the prefix length of one host's subnet, at least the range's and at most 30
     * @return the plan
     * @throws CniException if the range is not an IPv4 CIDR or the host prefix does not fit
     */
    public static SubnetPlan of(String cidr, int hostPrefix) {
        Objects.requireNonNull(cidr, "cidr");
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new CniException(UNKNOWN, "overlay range " + cidr + " is not a CIDR (expected e.g. 10.200.0.0/16)");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new CniException(UNKNOWN, "overlay range " + cidr + " has a bad prefix length");
        }
        if (prefix < 0 || prefix > 30) {
            throw new CniException(UNKNOWN, "overlay range " + cidr + ": prefix length must be 0..30");
        }
        if (hostPrefix < prefix || hostPrefix > 30) {
            throw new CniException(UNKNOWN, "host subnet /" + hostPrefix + " does not fit in overlay range " + cidr);
        }
        long addr = parseIpv4(cidr.substring(0, slash), cidr);
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        long base = addr & mask;
        return new SubnetPlan(format(base) + "/" + prefix, base, prefix, hostPrefix);
    }

    private static long parseIpv4(String text, String cidr) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new CniException(UNKNOWN, "overlay range " + cidr + " is not an IPv4 CIDR");
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new CniException(UNKNOWN, "overlay range " + cidr + " is not an IPv4 CIDR");
            }
            if (octet < 0 || octet > 255) {
                throw new CniException(UNKNOWN, "overlay range " + cidr + " is not an IPv4 CIDR");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    /**
     * The normalised range, e.g. {@code 10.200.0.0/16}.
     *
     * @return the range in CIDR notation
     */
    public String range() {
        return range;
    }

    /**
     * The prefix length of one host's subnet.
     *
     * @return the host prefix length
     */
    public int hostPrefix() {
        return hostPrefix;
    }

    /**
     * How many host subnets the range holds.
     *
     * @return the number of host subnets
     */
    public int count() {
        return 1 << (hostPrefix - rangePrefix);
    }

    /**
     * The host subnet with the given index.
     *
     * @param index 0 up to {@link #count()} - 1
     * @return the subnet in CIDR notation
     */
    public String subnet(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("subnet index " + index + " outside 0.." + (count() - 1));
        }
        long start = base + ((long) index << (32 - hostPrefix));
        return format(start) + "/" + hostPrefix;
    }

    @Override
    public String toString() {
        return range + " in /" + hostPrefix + " subnets";
    }
}
