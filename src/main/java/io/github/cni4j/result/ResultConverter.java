package io.github.cni4j.result;

import io.github.cni4j.error.CniException;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * libcni's result conversion matrix. Versions fall in three families (0.1.0/0.2.0, 0.3.x/0.4.0, 1.x); within a
 * family a conversion relabels, between families it reshapes, and the oldest and newest family go through 0.4.0.
 */
final class ResultConverter {

    private ResultConverter() {
    }

    /**
     * Converts a result as libcni's {@code convert.Convert} does.
     *
     * @param from the result
     * @param to the target version
     * @return the converted result ({@code from} itself for the same version)
     * @throws CniException (code 1) with libcni's message when there is no converter or no address to keep
     */
    public static Result convert(Result from, CniVersion to) {
        CniVersion v = from.cniVersion();
        if (v.equals(to)) {
            return from;
        }
        if (!to.isSupported()) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION,
                    "no converter for CNI result version " + v + " to " + to);
        }
        int fromFamily = family(v);
        int toFamily = family(to);
        if (fromFamily == toFamily) {
            return from.toBuilder().cniVersion(to).build();
        }
        if (fromFamily == 0 && toFamily == 2) {
            return from04To1x(from02To04(from, CniVersion.V0_4_0), to);
        }
        if (fromFamily == 2 && toFamily == 0) {
            return from04To02(from1xTo04(from, CniVersion.V0_4_0), to);
        }
        if (fromFamily == 0) {
            return from02To04(from, to);
        }
        if (toFamily == 0) {
            return from04To02(from, to);
        }
        return fromFamily == 1 ? from04To1x(from, to) : from1xTo04(from, to);
    }

    private static int family(CniVersion v) {
        if (v.isAtLeast(CniVersion.V1_0_0)) {
            return 2;
        }
        return v.isAtLeast(CniVersion.V0_3_0) ? 1 : 0;
    }

    private static Result from02To04(Result from, CniVersion to) {
        // ip4 then ip6, each becoming a labelled entry; their routes follow in the same order
        Result.Builder b = Result.builder().cniVersion(to).dns(from.dns().orElseGet(io.github.cni4j.result.Dns::empty));
        List<Route> routes = new ArrayList<>();
        for (String label : List.of("4", "6")) {
            for (IpConfig ip : from.ips()) {
                if (ip.version().equals(label)) {
                    b.addIp(ip);
                    for (Route r : from.routes()) {
                        if (r.dst().isIpv4() == label.equals("4")) {
                            routes.add(r);
                        }
                    }
                }
            }
        }
        return b.routes(routes).build();
    }

    private static Result from04To02(Result from, CniVersion to) {
        IpConfig ip4 = null;
        IpConfig ip6 = null;
        for (IpConfig ip : from.ips()) {
            if (ip.version().equals("4") && ip4 == null) {
                ip4 = IpConfig.builder().address(ip.address()).version("4").build();
                ip4 = withGateway(ip4, ip);
            } else if (ip.version().equals("6") && ip6 == null) {
                ip6 = withGateway(IpConfig.builder().address(ip.address()).version("6").build(), ip);
            }
        }
        if (ip4 == null && ip6 == null) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION, "cannot convert: no valid IP addresses");
        }
        Result.Builder b = Result.builder().cniVersion(to).dns(from.dns().orElseGet(io.github.cni4j.result.Dns::empty));
        if (ip4 != null) {
            b.addIp(ip4);
        }
        if (ip6 != null) {
            b.addIp(ip6);
        }
        for (Route r : from.routes()) {
            boolean v4 = r.dst().isIpv4();
            if (v4 ? ip4 != null : ip6 != null) {
                Route.Builder rb = Route.builder().dst(r.dst());
                r.gw().ifPresent(rb::gw);
                b.addRoute(rb.build());
            }
        }
        return b.build();
    }

    private static IpConfig withGateway(IpConfig target, IpConfig source) {
        return source.gateway().map(g -> target.toBuilder().gateway(g).build()).orElse(target);
    }

    private static Result from04To1x(Result from, CniVersion to) {
        List<Interface> interfaces = new ArrayList<>();
        for (Interface f : from.interfaces()) {
            interfaces.add(Interface.builder().name(f.name()).mac(f.mac()).sandbox(f.sandbox()).build());
        }
        return from.toBuilder().cniVersion(to).interfaces(interfaces).build();
    }

    private static Result from1xTo04(Result from, CniVersion to) {
        List<Interface> interfaces = new ArrayList<>();
        for (Interface f : from.interfaces()) {
            interfaces.add(Interface.builder().name(f.name()).mac(f.mac()).sandbox(f.sandbox()).build());
        }
        List<IpConfig> ips = new ArrayList<>();
        for (IpConfig ip : from.ips()) {
            ips.add(ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build());
        }
        return from.toBuilder().cniVersion(to).interfaces(interfaces).ips(ips).build();
    }
}
