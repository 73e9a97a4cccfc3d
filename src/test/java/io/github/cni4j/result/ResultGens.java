package io.github.cni4j.result;

import io.github.cni4j.testing.Gen;
import io.github.cni4j.version.CniVersion;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Generators of results that are valid for a given version (shared by the property tests). */
final class ResultGens {

    private ResultGens() {
    }

    static Gen<String> text() {
        // no lone surrogates: Go (and cni4j) write them as U+FFFD, which cannot round-trip
        return Gen.strings(Gen.oneOf(Gen.chars('\u0000', '\ud7ff'), Gen.chars("\ue000\uffff")), 0, 12);
    }

    static Gen<InetAddress> addresses() {
        return Gen.oneOf(Gen.bytes(4, 4), Gen.bytes(16, 16)).map(ResultGens::inet);
    }

    private static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Gen<IpPrefix> prefixes() {
        Gen<InetAddress> addresses = addresses();
        Gen<Integer> lengths = Gen.ints(0, 128);
        return r -> {
            InetAddress a = addresses.next(r);
            int n = lengths.next(r);
            return IpPrefix.of(a, a instanceof Inet4Address ? n % 33 : n);
        };
    }

    static Gen<Result.Interface> interfaces() {
        Gen<String> text = text();
        Gen<Integer> ints = Gen.ints();
        return r -> Result.Interface.builder().name(text.next(r)).mac(text.next(r)).mtu(ints.next(r))
                .sandbox(text.next(r))
                .socketPath(text.next(r)).pciId(text.next(r)).build();
    }

    static Gen<IpConfig> ips(Gen<String> labels) {
        Gen<IpPrefix> prefixes = prefixes();
        Gen<Optional<InetAddress>> gateways = addresses().optional();
        Gen<Optional<Integer>> indexes = Gen.ints().optional();
        return r -> {
            IpConfig.Builder b = IpConfig.builder().address(prefixes.next(r));
            Optional<InetAddress> gw = gateways.next(r);
            Optional<Integer> idx = indexes.next(r);
            b.version(labels.next(r));
            gw.ifPresent(b::gateway);
            idx.ifPresent(b::interfaceIndex);
            return b.build();
        };
    }

    static Gen<Route> routes(Gen<IpPrefix> dsts, boolean only02Fields) {
        Gen<Integer> ints = only02Fields ? Gen.just(0) : Gen.ints();
        Gen<Optional<Integer>> opt = only02Fields ? Gen.just(Optional.empty()) : Gen.ints().optional();
        Gen<Optional<InetAddress>> gateways = addresses().optional();
        return r -> {
            Route.Builder b = Route.builder().dst(dsts.next(r));
            Optional<InetAddress> gw = gateways.next(r);
            b.mtu(ints.next(r)).advmss(ints.next(r)).priority(ints.next(r));
            Optional<Integer> table = opt.next(r);
            Optional<Integer> scope = opt.next(r);
            gw.ifPresent(b::gw);
            table.ifPresent(b::table);
            scope.ifPresent(b::scope);
            return b.build();
        };
    }

    static Gen<Dns> dns() {
        Gen<List<String>> lists = text().list(0, 3);
        Gen<String> text = text();
        return r -> Dns.builder().nameservers(lists.next(r)).domain(text.next(r)).search(lists.next(r))
                .options(lists.next(r)).build();
    }

    /** Results of a 0.3.x/0.4.0 or 1.x version; 0.x labels agree with the address family when asked to. */
    static Gen<Result> modern(CniVersion v, boolean familyLabels) {
        Gen<IpConfig> ips = ips(familyLabels ? Gen.just("") : Gen.of("", "4", "6", "x"))
                .map(ip -> familyLabels && !v.isAtLeast(CniVersion.V1_0_0)
                        ? ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build() : ip);
        Gen<List<Result.Interface>> interfaces = interfaces().list(0, 3);
        Gen<List<IpConfig>> ipLists = ips.list(0, 3);
        Gen<List<Route>> routes = routes(prefixes(), false).list(0, 3);
        Gen<Dns> dns = dns();
        return r -> Result.builder().cniVersion(v).interfaces(interfaces.next(r)).ips(ipLists.next(r))
                .routes(routes.next(r)).dns(dns.next(r)).build();
    }

    /** Results of 0.1.0/0.2.0: at most one IPv4 and one IPv6 address, routes only for those families. */
    static Gen<Result> legacy(CniVersion v, boolean only02RouteFields) {
        Gen<Optional<IpConfig>> ip4 = ips(Gen.just("")).filter(ip -> ip.address().isIpv4()).optional();
        Gen<Optional<IpConfig>> ip6 = ips(Gen.just("")).filter(ip -> !ip.address().isIpv4()).optional();
        Gen<List<Route>> routes = routes(prefixes(), only02RouteFields).list(0, 4);
        Gen<Dns> dns = dns();
        return r -> {
            Optional<IpConfig> a = ip4.next(r);
            Optional<IpConfig> b = ip6.next(r);
            List<Route> rs = routes.next(r);
            Result.Builder res = Result.builder().cniVersion(v).dns(dns.next(r));
            List<Route> kept = new ArrayList<>();
            a.ifPresent(ip -> res.addIp(noIndex(ip)));
            b.ifPresent(ip -> res.addIp(noIndex(ip)));
            for (Route rt : rs) {
                if (rt.dst().isIpv4() ? a.isPresent() : b.isPresent()) {
                    kept.add(rt);
                }
            }
            return res.routes(kept).build();
        };
    }

    private static IpConfig noIndex(IpConfig ip) {
        IpConfig.Builder b = IpConfig.builder().address(ip.address());
        ip.gateway().ifPresent(b::gateway);
        return b.build();
    }

    static Gen<Result> any() {
        return Gen.of(CniVersion.supported()).flatMap(v -> v.isAtLeast(CniVersion.V0_3_0)
                ? modern(v, false) : legacy(v, false));
    }
}
