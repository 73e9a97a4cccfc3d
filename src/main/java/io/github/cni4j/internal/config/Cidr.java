package io.github.cni4j.internal.config;

import io.github.cni4j.internal.gojson.GoIp;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IP prefix or address parsed from literal text only (never a DNS lookup); immutable. Every CIDR and address
 * check (configs, {@code config.IpRange}, the plugins' subnets, the linter) goes through it; the address text itself
 * is read by {@link GoIp}, as Go's {@code net.ParseIP} reads it.
 */
public record Cidr(byte[] address, int prefix) {

    /** Parses {@code a.b.c.d/n} or {@code x::y/n}; IAE names the field. */
    public static Cidr parse(String field, String text) {
        int slash = text.indexOf('/');
        if (slash >= 0 && GoIp.parse(text.substring(0, slash)) == null) {
            throw new IllegalArgumentException(field + ": invalid IP address: " + text);
        }
        return cidr(text).orElseThrow(() -> new IllegalArgumentException(field + ": invalid CIDR address: " + text));
    }

    /** Parses a plain address as a host prefix ({@code /32} or {@code /128}); IAE names the field. */
    public static Cidr ip(String field, String text) {
        return address(text).orElseThrow(() -> new IllegalArgumentException(field + ": invalid IP address: " + text));
    }

    /** Parses {@code address/prefix} (a prefix valid for the family), or empty; never throws. */
    public static Optional<Cidr> cidr(String text) {
        int slash = text.indexOf('/');
        InetAddress a = slash < 0 || !isDigits(text, slash + 1, 10) ? null : GoIp.parse(text.substring(0, slash));
        if (a == null || Long.parseLong(text.substring(slash + 1)) > a.getAddress().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(a.getAddress(), Integer.parseInt(text.substring(slash + 1))));
    }

    /** Parses an address literal as Go's {@code net.ParseIP} (via {@link GoIp}) into a host prefix, or empty. */
    public static Optional<Cidr> address(String text) {
        InetAddress a = GoIp.parse(text);
        return a == null ? Optional.empty() : Optional.of(new Cidr(a.getAddress(), a.getAddress().length * 8));
    }

    /**
     * True when {@code text} from {@code from} to its end is 1 to {@code maxLen} ASCII digits; the linter calls this
     * on every prefix it reads, so no regex is compiled per call.
     */
    public static boolean isDigits(String text, int from, int maxLen) {
        int len = text.length() - from;
        if (len < 1 || len > maxLen) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True for an IPv4 or IPv6 literal. */
    public static boolean isIp(String text) {
        return GoIp.parse(text) != null;
    }

    /** True for an IP literal or {@code address/prefix} with a prefix length valid for the address family. */
    public static boolean isIpOrCidr(String text) {
        return isIp(text) || cidr(text).isPresent();
    }

    public boolean isV4() {
        return address.length == 4;
    }

    public BigInteger value() {
        return new BigInteger(1, address);
    }

    public BigInteger first() {
        int bits = address.length * 8;
        return value().shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    public BigInteger last() {
        int bits = address.length * 8;
        return first().add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
    }

    public boolean isNetworkAddress() {
        return first().equals(value());
    }

    public boolean contains(Cidr other) {
        return isV4() == other.isV4() && first().compareTo(other.first()) <= 0 && last().compareTo(other.last()) >= 0;
    }

    public boolean overlaps(Cidr other) {
        return isV4() == other.isV4() && first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
    }

    /** The network prefix in canonical text, e.g. {@code 10.4.1.0/24}. */
    public String network() {
        return format(first(), address.length) + "/" + prefix;
    }

    /** The address at {@code first() + offset}, as text. */
    public String addressAt(BigInteger offset) {
        return format(first().add(offset), address.length);
    }

    public String addressText() {
        return format(value(), address.length);
    }

    public static String format(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] b = new byte[len];
        int n = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - n, b, len - n, n);
        return GoIp.format(GoIp.toInet(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        return addressText() + "/" + prefix;
    }
}
