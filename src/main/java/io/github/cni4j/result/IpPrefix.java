package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IP address with a prefix length, host bits kept ({@code 10.1.2.3/24}), as CNI results carry addresses
 * and route destinations.
 *
 * <p>Parsing and printing follow Go's {@code net.ParseCIDR} and {@code net.IPNet.String}, so the
 * {@linkplain #toString() text} is exactly what libcni writes: IPv6 in lower case with the longest zero run
 * shortened ({@code 2001:DB8:0:0::2/64} becomes {@code 2001:db8::2/64}), and an IPv4-mapped IPv6 address
 * printed as IPv4 with the prefix counted over the IPv4 bits ({@code ::ffff:10.0.0.1/120} becomes
 * {@code 10.0.0.1/24}).
 *
 * <pre>{@code
 * IpPrefix p = IpPrefix.parse("10.22.0.5/16");
 * InetAddress host = p.address();      // 10.22.0.5
 * int bits = p.prefixLength();         // 16
 * boolean v4 = p.isIpv4();             // true
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; equal when address and length are.
 */
public record IpPrefix(InetAddress address, int prefixLength) {

    /**
     * Checks the length and keeps the address in Go's form (IPv4 as 4 bytes, no host name).
     *
     * @param address the address (host bits kept)
     * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
     * @throws IllegalArgumentException if the length is out of range
     */
    public IpPrefix {
        address = GoIp.toInet(Objects.requireNonNull(address, "address").getAddress());
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefixLength must be 0.." + max + ", got " + prefixLength);
        }
    }

    /**
     * Parses CIDR text with host bits, such as {@code 10.0.0.2/24} or {@code 2001:db8::2/64}.
     *
     * @param cidr the text; the prefix length is required
     * @return the prefix
     * @throws IllegalArgumentException with Go's message {@code invalid CIDR address: <cidr>} if it is not one
     */
    public static IpPrefix parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        int slash = cidr.indexOf('/');
        InetAddress ip = slash < 0 ? null : GoIp.parse(cidr.substring(0, slash));
        int bits = ip == null ? -1 : prefixBits(cidr.substring(slash + 1));
        boolean parsedAsV6 = slash >= 0 && cidr.substring(0, slash).indexOf(':') >= 0;
        int max = parsedAsV6 ? 128 : 32;
        if (ip == null || bits < 0 || bits > max) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        if (parsedAsV6 && ip instanceof Inet4Address) {
            // Go keeps the 128-bit mask but prints only its last 32 bits for an IPv4-mapped address.
            bits = Math.max(0, bits - 96);
        }
        return new IpPrefix(ip, bits);
    }

    private static int prefixBits(String s) {
        // Go's dtoi: decimal digits only (leading zeros allowed), at least one, saturating on overflow.
        if (s.isEmpty() || s.length() > 7) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@return {@code a} in Go's form (IPv4 as 4 bytes, no host name): {@code a} itself when it already is} */
    static InetAddress goForm(InetAddress a) {
        InetAddress n = GoIp.toInet(a.getAddress());
        return n.toString().equals(a.toString()) && n.getClass() == a.getClass() ? a : n;
    }

    /** {@return the IP address {@code text} names, or throws IllegalArgumentException with Go's message} */
    static InetAddress ip(String text) {
        InetAddress ip = GoIp.parse(text);
        if (ip == null) {
            throw new IllegalArgumentException("invalid IP address: " + text);
        }
        return ip;
    }

    /**
     * Returns the prefix for an address and a prefix length.
     *
     * @param address the address (host bits kept)
     * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
     * @return the prefix
     * @throws IllegalArgumentException if the length is out of range
     */
    public static IpPrefix of(InetAddress address, int prefixLength) {
        return new IpPrefix(address, prefixLength);
    }

    /**
     * {@return whether this is an IPv4 prefix (what Go's {@code To4() != nil} decides, and what picks {@code
     * ips[].version} "4" in older results)}
     */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** {@return the canonical CIDR text as Go prints it, e.g. {@code 2001:db8::2/64}} */
    @Override
    public String toString() {
        return GoIp.format(address) + "/" + prefixLength;
    }
}
