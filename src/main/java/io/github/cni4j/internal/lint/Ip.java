package io.github.cni4j.internal.lint;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address as a number, and CIDR prefixes, parsed without any name lookup. Immutable.
 *
 * @param value the address as an unsigned number
 * @param v6 whether it is IPv6 (an IPv4-mapped IPv6 address counts as IPv4, as in Go's {@code net.ParseIP})
 */
public record Ip(BigInteger value, boolean v6) implements Comparable<Ip> {

    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    /**
     * A CIDR such as {@code 10.88.0.0/16}.
     *
     * @param ip the address as written (host bits may be set)
     * @param prefix the prefix length
     */
    public record Cidr(Ip ip, int prefix) {
        /** @return the first address of the subnet */
        public Ip first() {
            return new Ip(ip.value.andNot(hostMask()), ip.v6);
        }

        /** @return the last address of the subnet */
        public Ip last() {
            return new Ip(ip.value.or(hostMask()), ip.v6);
        }

        /**
         * @param other an address
         * @return whether the address is inside this subnet
         */
        public boolean contains(Ip other) {
            return other.v6 == ip.v6 && first().compareTo(other) <= 0 && other.compareTo(last()) <= 0;
        }

        private BigInteger hostMask() {
            return BigInteger.ONE.shiftLeft(ip.bits() - prefix).subtract(BigInteger.ONE);
        }
    }

    /**
     * Parses an address literal; host names are refused, never resolved.
     *
     * @param text the literal
     * @return the address, or empty when it is not an IPv4 or IPv6 literal
     */
    public static Optional<Ip> parse(String text) {
        if (V4.matcher(text).matches()) {
            long v = 0;
            for (String part : text.split("\\.")) {
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return Optional.empty();
                }
                v = v << 8 | octet;
            }
            return Optional.of(new Ip(BigInteger.valueOf(v), false));
        }
        if (text.indexOf(':') < 0 || !V6_CHARS.matcher(text).matches() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            // With a ':' and only hex digits, dots and colons, the JDK parses a literal and never does DNS.
            byte[] raw = InetAddress.getByName(text).getAddress();
            return Optional.of(new Ip(new BigInteger(1, raw), raw.length == 16));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses {@code address/prefix}.
     *
     * @param text the CIDR
     * @return the CIDR, or empty when it does not parse or the prefix is too long
     */
    public static Optional<Cidr> parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return parse(text.substring(0, slash)).filter(ip -> prefix <= ip.bits()).map(ip -> new Cidr(ip, prefix));
    }

    /** @return 32 or 128 */
    public int bits() {
        return v6 ? 128 : 32;
    }

    @Override
    public int compareTo(Ip o) {
        return v6 != o.v6 ? Boolean.compare(v6, o.v6) : value.compareTo(o.value);
    }
}
