package io.github.cni4j.result;

import io.github.cni4j.error.CniException;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * libcni's result conversion matrix ({@code convert.Convert}). Versions fall in three families (0.1.0/0.2.0,
 * 0.3.x/0.4.0, 1.x). Most of a conversion is the target version's shape, which {@link ResultShape} applies when the
 * result is built (labels, 1.1.0 interface fields, ip4 before ip6); what is left is labelling 1.x addresses by family
 * for 0.x and keeping only the first IPv4 and IPv6 address for 0.1.0/0.2.0.
 */
final class ResultConverter {

    private ResultConverter() {
    }

    /**
     * {@return {@code from} in version {@code to} ({@code from} itself for the same version)}
     *
     * @param from the result
     * @param to the target version
     * @throws CniException (code 1) with libcni's message when there is no converter or no address to keep
     */
    static Result convert(Result from, CniVersion to) {
        CniVersion v = from.cniVersion();
        if (v.equals(to)) {
            return from;
        }
        if (!to.isSupported()) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION, "no converter for CNI result version " + v + " to " + to);
        }
        Result r = from;
        if (v.isAtLeast(CniVersion.V1_0_0) && !to.isAtLeast(CniVersion.V1_0_0)) {
            List<IpConfig> ips = new ArrayList<>();
            for (IpConfig ip : from.ips()) {
                ips.add(ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build());
            }
            r = from.toBuilder().cniVersion(CniVersion.V0_4_0).ips(ips).build();
        }
        return v.isAtLeast(CniVersion.V0_3_0) && !to.isAtLeast(CniVersion.V0_3_0) ? to02(r, to)
                : r.toBuilder().cniVersion(to).build();
    }

    private static Result to02(Result from, CniVersion to) {
        IpConfig ip4 = null;
        IpConfig ip6 = null;
        for (IpConfig ip : from.ips()) {
            IpConfig.Builder kept = IpConfig.builder().address(ip.address()).version(ip.version());
            ip.gateway().ifPresent(kept::gateway);
            if (ip.version().equals("4") && ip4 == null) {
                ip4 = kept.build();
            } else if (ip.version().equals("6") && ip6 == null) {
                ip6 = kept.build();
            }
        }
        if (ip4 == null && ip6 == null) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION, "cannot convert: no valid IP addresses");
        }
        Result.Builder b = Result.builder().cniVersion(to).dns(from.dns());
        for (IpConfig ip : new IpConfig[] {ip4, ip6}) {
            if (ip != null) {
                b.addIp(ip);
            }
        }
        for (Route r : from.routes()) {
            if (r.dst().isIpv4() ? ip4 != null : ip6 != null) {
                b.addRoute(r.gw().map(g -> Route.builder().dst(r.dst()).gw(g)).orElse(Route.builder().dst(r.dst()))
                        .build());
            }
        }
        return b.build();
    }
}
