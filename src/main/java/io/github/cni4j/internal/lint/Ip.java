package io.github.cni4j.internal.lint;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a number, and CIDR prefixes, for the linter's range comparisons. The text is read by
 * {@link io.github.cni4j.internal.config.Cidr}, the one IP parser (no name lookup). Immutable.
 *
 * @param value the address as an unsigned number
 * @param v6 whether it is IPv6 (an IPv4-mapped IPv6 address counts as IPv4, as in Go's {@code net.ParseIP})
 */
public record Ip(BigInteger value, boolean v6) implements Comparable<Ip> {

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
        if (!io.github.cni4j.internal.config.Cidr.isIp(text)) {
            return Optional.empty();
        }
        io.github.cni4j.internal.config.Cidr c = io.github.cni4j.internal.config.Cidr.ip("ip", text);
        return Optional.of(new Ip(c.value(), !c.isV4()));
    }

    /**
     * Parses {@code address/prefix}.
     *
     * @param text the CIDR
     * @return the CIDR, or empty when it does not parse or the prefix is too long
     */
    public static Optional<Cidr> parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !io.github.cni4j.internal.config.Cidr.isDigits(text, slash + 1, 3)) {
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
