package io.github.cni4j.result;

import io.github.cni4j.version.CniVersion;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of results that are valid for a given version (shared by the property tests). */
final class ResultArbitraries {

    private ResultArbitraries() {
    }

    static Arbitrary<String> text() {
        // no lone surrogates: Go (and cni4j) write them as U+FFFD, which cannot round-trip
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withChars("\ue000\uffff").ofMaxLength(12);
    }

    static Arbitrary<InetAddress> addresses() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16)).map(ResultArbitraries::inet);
    }

    private static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Arbitrary<IpPrefix> prefixes() {
        return Combinators.combine(addresses(), Arbitraries.integers().between(0, 128))
                .as((a, n) -> IpPrefix.of(a, a instanceof Inet4Address ? n % 33 : n));
    }

    static Arbitrary<Interface> interfaces() {
        return Combinators.combine(text(), text(), Arbitraries.integers(), text(), text(), text())
                .as((n, m, mtu, s, sp, p) -> Interface.builder().name(n).mac(m).mtu(mtu).sandbox(s).socketPath(sp)
                        .pciId(p).build());
    }

    static Arbitrary<IpConfig> ips(Arbitrary<String> labels) {
        return Combinators.combine(prefixes(), addresses().optional(), Arbitraries.integers().optional(), labels)
                .as((a, gw, idx, label) -> {
                    IpConfig.Builder b = IpConfig.builder().address(a).version(label);
                    gw.ifPresent(b::gateway);
                    idx.ifPresent(b::interfaceIndex);
                    return b.build();
                });
    }

    static Arbitrary<Route> routes(Arbitrary<IpPrefix> dsts, boolean only02Fields) {
        Arbitrary<Integer> ints = only02Fields ? Arbitraries.just(0) : Arbitraries.integers();
        Arbitrary<Optional<Integer>> opt = only02Fields ? Arbitraries.just(Optional.empty())
                : Arbitraries.integers().optional();
        return Combinators.combine(dsts, addresses().optional(), ints, ints, ints, opt, opt)
                .as((d, gw, mtu, mss, prio, table, scope) -> {
                    Route.Builder b = Route.builder().dst(d).mtu(mtu).advmss(mss).priority(prio);
                    gw.ifPresent(b::gw);
                    table.ifPresent(b::table);
                    scope.ifPresent(b::scope);
                    return b.build();
                });
    }

    static Arbitrary<Dns> dns() {
        return Combinators.combine(text().list().ofMaxSize(3), text(), text().list().ofMaxSize(3),
                text().list().ofMaxSize(3))
                .as((n, d, s, o) -> Dns.builder().nameservers(n).domain(d).search(s).options(o).build());
    }

    /** Results of a 0.3.x/0.4.0 or 1.x version; 0.x labels agree with the address family when asked to. */
    static Arbitrary<Result> modern(CniVersion v, boolean familyLabels) {
        Arbitrary<IpConfig> ips = ips(familyLabels ? Arbitraries.just("") : Arbitraries.of("", "4", "6", "x"))
                .map(ip -> familyLabels && !v.isAtLeast(CniVersion.V1_0_0)
                        ? ip.toBuilder().version(ip.address().isIpv4() ? "4" : "6").build() : ip);
        return Combinators.combine(interfaces().list().ofMaxSize(3), ips.list().ofMaxSize(3),
                routes(prefixes(), false).list().ofMaxSize(3), dns())
                .as((f, i, r, d) -> Result.builder().cniVersion(v).interfaces(f).ips(i).routes(r).dns(d).build());
    }

    /** Results of 0.1.0/0.2.0: at most one IPv4 and one IPv6 address, routes only for those families. */
    static Arbitrary<Result> legacy(CniVersion v, boolean only02RouteFields) {
        Arbitrary<Optional<IpConfig>> ip4 = ips(Arbitraries.just("")).filter(ip -> ip.address().isIpv4())
                .map(ip -> ip.toBuilder().build()).optional();
        Arbitrary<Optional<IpConfig>> ip6 = ips(Arbitraries.just("")).filter(ip -> !ip.address().isIpv4()).optional();
        return Combinators.combine(ip4, ip6, routes(prefixes(), only02RouteFields).list().ofMaxSize(4), dns())
                .as((a, b, rs, d) -> {
                    Result.Builder r = Result.builder().cniVersion(v).dns(d);
                    List<Route> kept = new ArrayList<>();
                    a.ifPresent(ip -> r.addIp(noIndex(ip)));
                    b.ifPresent(ip -> r.addIp(noIndex(ip)));
                    for (Route rt : rs) {
                        if (rt.dst().isIpv4() ? a.isPresent() : b.isPresent()) {
                            kept.add(rt);
                        }
                    }
                    return r.routes(kept).build();
                });
    }

    private static IpConfig noIndex(IpConfig ip) {
        IpConfig.Builder b = IpConfig.builder().address(ip.address());
        ip.gateway().ifPresent(b::gateway);
        return b.build();
    }

    static Arbitrary<Result> any() {
        return Arbitraries.of(CniVersion.supported()).flatMap(v -> v.isAtLeast(CniVersion.V0_3_0)
                ? modern(v, false) : legacy(v, false));
    }
}
