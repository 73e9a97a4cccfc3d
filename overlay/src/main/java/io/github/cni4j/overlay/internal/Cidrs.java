package io.github.cni4j.overlay.internal;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals and CIDR strings of the data plane's values, parsed without any name lookup. */
final class Cidrs {

    private Cidrs() {
    }

    /** An IPv4 or IPv6 literal; anything else (a host name too) is refused. */
    static InetAddress literal(String s) {
        if (s.isEmpty() || !s.matches("[0-9a-fA-F.:]+") || (!s.contains(":") && !s.matches("\\d+(\\.\\d+){3}"))) {
            throw new CniException(UNKNOWN, "not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw NetlinkDataPlane.wrap("not an IP address: " + s, e);
        }
    }

    /** The network address bytes of {@code a.b.c.d/n}. */
    static InetAddress network(String cidr) {
        return literal(cidr.split("/", 2)[0]);
    }

    /** The prefix length of {@code a.b.c.d/n}. */
    static int prefix(String cidr) {
        String[] parts = cidr.split("/", 2);
        int max = network(cidr).getAddress().length * 8;
        try {
            int p = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
            if (p < 0 || p > max) {
                throw new CniException(UNKNOWN, "prefix length out of range in " + cidr);
            }
            return p;
        } catch (NumberFormatException e) {
            throw NetlinkDataPlane.wrap("not a CIDR: " + cidr, e);
        }
    }
}
