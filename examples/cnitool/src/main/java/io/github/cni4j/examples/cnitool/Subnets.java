package io.github.cni4j.examples.cnitool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 prefix arithmetic for choosing the demo's subnet: the user's 10.88.0.0/16 when the host does not use it. */
final class Subnets {

    static final String PREFERRED = "10.88.0.0/16";

    private static final Pattern PREFIX = Pattern.compile(
            "(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?(?![\\d.])");

    private Subnets() {
    }

    /** Every IPv4 address or prefix in a text (such as {@code ip addr} output), as {@code a.b.c.d/n}. */
    static List<String> prefixesIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PREFIX.matcher(text);
        while (m.find()) {
            String bits = m.group(5) == null ? "32" : m.group(5);
            String candidate = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4) + "/" + bits;
            if (parse(candidate).isPresent()) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The first of 10.88.0.0/16, 10.89.0.0/16, ... 10.254.0.0/16 that overlaps none of the used prefixes (the
     * default route, 0.0.0.0/0, overlaps everything and is ignored).
     */
    static Optional<String> pickFree(List<String> used) {
        for (int second = 88; second <= 254; second++) {
            String candidate = "10." + second + ".0.0/16";
            if (used.stream().noneMatch(u -> !u.endsWith("/0") && overlaps(candidate, u))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean overlaps(String a, String b) {
        long[] pa = parse(a).orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: " + a));
        long[] pb = parse(b).orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: " + b));
        int bits = (int) Math.min(pa[1], pb[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (pa[0] & mask) == (pb[0] & mask);
    }

    /** The n-th address of a prefix, e.g. {@code host("10.88.0.0/16", 1)} is {@code 10.88.0.1}. */
    static String host(String prefix, int n) {
        long[] p = parse(prefix).orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: " + prefix));
        long mask = p[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - p[1])) & 0xFFFFFFFFL;
        long a = (p[0] & mask) + n;
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    /** {@code [address, prefixLength]}, or empty when the text is not a.b.c.d/n with octets &le; 255, n &le; 32. */
    static Optional<long[]> parse(String cidr) {
        Matcher m = PREFIX.matcher(cidr);
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = address << 8 | octet;
        }
        int bits = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        return bits > 32 ? Optional.empty() : Optional.of(new long[] {address, bits});
    }
}
