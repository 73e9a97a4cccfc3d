package io.github.cni4j.internal.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IP prefix or address parsed from literal text only (never a DNS lookup); immutable. The one parser of the
 * CIDRs and addresses a config holds: the typed plugin configs and {@code config.IpRange} validate with it.
 */
public record Cidr(byte[] address, int prefix) {

    /** Dotted quads as Go's net.ParseIP reads them: 0 to 255, no leading zeros. */
    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Parses {@code a.b.c.d/n} or {@code x::y/n}; IAE names the field. */
    public static Cidr parse(String field, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(field + ": invalid CIDR address: " + text);
        }
        byte[] addr = parseIp(field, text.substring(0, slash), text);
        int max = addr.length * 8;
        int p;
        try {
            p = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > max || !isDigits(text, slash + 1, 10)) {
            throw new IllegalArgumentException(field + ": invalid CIDR address: " + text);
        }
        return new Cidr(addr, p);
    }

    /** Parses a plain address as a host prefix ({@code /32} or {@code /128}). */
    public static Cidr ip(String field, String text) {
        byte[] addr = parseIp(field, text, text);
        return new Cidr(addr, addr.length * 8);
    }

    private static byte[] parseIp(String field, String ip, String whole) {
        boolean literal = V4.matcher(ip).matches() || V6.matcher(ip).matches();
        if (literal) {
            try {
                byte[] b = InetAddress.getByName(ip).getAddress();
                // A dotted quad must give IPv4; IPv6 text may too (::ffff:a.b.c.d is IPv4, as in Go).
                if (!V4.matcher(ip).matches() || b.length == 4) {
                    return b;
                }
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException(field + ": invalid IP address: " + whole);
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
        try {
            ip("ip", text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True for an IP literal or {@code address/prefix} with a prefix length valid for the address family. */
    public static boolean isIpOrCidr(String text) {
        if (isIp(text)) {
            return true;
        }
        try {
            parse("cidr", text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
        try {
            String s = InetAddress.getByAddress(b).getHostAddress();
            return len == 16 ? compress(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java prints {@code 0:0:0:0:0:0:0:1}; Go prints {@code ::1}. */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; i++) {
            int j = i;
            while (j < parts.length && parts[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
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
