package io.github.cni4j.result;

import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fits a result to what its version's JSON can hold, so that a built result always equals what its own bytes parse
 * back to: 1.x drops the 0.x labels; 0.x drops the 1.1.0 interface fields; 0.1.0/0.2.0 fill labels from the family,
 * put {@code ip4} and its routes first and refuse what {@code ip4}/{@code ip6} cannot express; an empty DNS is none.
 */
final class ResultShape {

    private ResultShape() {
    }

    /** {@return {@code r} in its version's shape, {@code r} itself when it has it; IllegalArgumentException if none} */
    static Result apply(Result r) {
        CniVersion v = r.cniVersion();
        if (!v.isSupported()) {
            throw new IllegalArgumentException("cniVersion " + v + " is not a supported version");
        }
        List<IpConfig> ips = new ArrayList<>(r.ips().size());
        for (IpConfig ip : r.ips()) {
            ips.add(v.isAtLeast(CniVersion.V1_0_0) && !ip.version().isEmpty() ? ip.toBuilder().version("").build()
                    : !v.isAtLeast(CniVersion.V0_3_0) && ip.version().isEmpty()
                    ? ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build() : ip);
        }
        List<Route> routes = r.routes();
        if (!v.isAtLeast(CniVersion.V0_3_0)) {
            checkLegacy(v, r.interfaces(), ips, routes);
            // ip4 (and its routes) always come before ip6 in these versions' JSON
            ips.sort(Comparator.comparing(IpConfig::version));
            routes = new ArrayList<>(routes);
            routes.sort(Comparator.comparing(rt -> rt.dst().isIpv4() ? 0 : 1));
        }
        List<Result.Interface> interfaces = r.interfaces();
        if (!v.isAtLeast(CniVersion.V1_0_0)) {
            // 0.3.x/0.4.0 interfaces have no MTU, socket path or PCI ID
            interfaces = new ArrayList<>(interfaces.size());
            for (Result.Interface f : r.interfaces()) {
                interfaces.add(Result.Interface.builder().name(f.name()).mac(f.mac()).sandbox(f.sandbox()).build());
            }
        }
        boolean emptyDns = r.dns().map(Dns::isEmpty).orElse(false);
        if (emptyDns || !interfaces.equals(r.interfaces()) || !ips.equals(r.ips()) || !routes.equals(r.routes())) {
            return r.toBuilder().interfaces(interfaces).ips(ips).routes(routes)
                    .dns(emptyDns ? Optional.empty() : r.dns()).build();
        }
        return r;
    }

    private static void checkLegacy(CniVersion v, List<Result.Interface> interfaces, List<IpConfig> labelled,
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
