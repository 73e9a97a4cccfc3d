package io.github.cni4j.result;

import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits a result's parts to what its version's JSON can hold, so that a built result always equals what its own
 * bytes parse back to.
 */
final class ResultShape {

    private ResultShape() {
    }

    /** The normalized parts. */
    public record Parts(List<Interface> interfaces, List<IpConfig> ips, List<Route> routes) {
    }

    /**
     * Normalizes the parts for a version: 1.x drops the 0.x labels; 0.x drops the 1.1.0 interface fields;
     * 0.1.0/0.2.0 fill labels from the family, put {@code ip4} and its routes first and refuse what
     * {@code ip4}/{@code ip6} cannot express.
     *
     * @param v the version
     * @param interfaces the interfaces
     * @param ips the addresses
     * @param routes the routes
     * @return the parts to keep
     * @throws IllegalArgumentException naming the field a 0.1.0/0.2.0 result cannot hold
     */
    public static Parts normalize(CniVersion v, List<Interface> interfaces, List<IpConfig> ips, List<Route> routes) {
        List<IpConfig> labelled = new ArrayList<>(ips.size());
        for (IpConfig ip : ips) {
            labelled.add(label(v, ip));
        }
        List<Route> ordered = routes;
        if (!v.isAtLeast(CniVersion.V0_3_0)) {
            checkLegacy(v, interfaces, labelled, routes);
            // ip4 (and its routes) always come before ip6 in these versions' JSON
            labelled.sort(Comparator.comparing(IpConfig::version));
            ordered = new ArrayList<>(routes);
            ordered.sort(Comparator.comparing(r -> r.dst().isIpv4() ? 0 : 1));
        }
        List<Interface> kept = interfaces;
        if (!v.isAtLeast(CniVersion.V1_0_0)) {
            // 0.3.x/0.4.0 interfaces have no MTU, socket path or PCI ID
            kept = new ArrayList<>(interfaces.size());
            for (Interface f : interfaces) {
                kept.add(Interface.builder().name(f.name()).mac(f.mac()).sandbox(f.sandbox()).build());
            }
        }
        return new Parts(kept, labelled, ordered);
    }

    private static IpConfig label(CniVersion v, IpConfig ip) {
        if (v.isAtLeast(CniVersion.V1_0_0)) {
            return ip.version().isEmpty() ? ip : ip.toBuilder().version("").build();
        }
        if (!v.isAtLeast(CniVersion.V0_3_0) && ip.version().isEmpty()) {
            return ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build();
        }
        return ip;
    }

    private static void checkLegacy(CniVersion v, List<Interface> interfaces, List<IpConfig> labelled,
                                    List<Route> routes) {
        if (!interfaces.isEmpty()) {
            throw new IllegalArgumentException("interfaces: a " + v + " result has none");
        }
        Set<String> seen = new HashSet<>();
        for (IpConfig ip : labelled) {
            if (!ip.version().equals("4") && !ip.version().equals("6") || !seen.add(ip.version())) {
                throw new IllegalArgumentException("ips: a " + v
                        + " result holds at most one \"4\" (ip4) and one \"6\" (ip6) address, got " + labelled);
            }
            if (ip.interfaceIndex().isPresent()) {
                throw new IllegalArgumentException("ips: a " + v + " result has no interface index");
            }
        }
        for (Route r : routes) {
            if (!seen.contains(r.dst().isIpv4() ? "4" : "6")) {
                throw new IllegalArgumentException("routes: " + r.dst() + " needs an "
                        + (r.dst().isIpv4() ? "ip4" : "ip6") + " address in a " + v + " result");
            }
        }
    }
}
