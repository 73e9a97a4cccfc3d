package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.lint.DiagnosticCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks host-local's address ranges: CIDRs, gateways, range bounds, overlaps and IPv6 routes. {@code ipRange} is
 * accepted in a range: cni4j's network create records the Docker-style sub-range there (host-local ignores it and
 * uses the rangeStart/rangeEnd written next to it).
 */
final class RangeRules {

    private static final Map<String, FieldType> RANGE = PluginKnowledge.fieldsOf(
            "subnet:s rangeStart:s rangeEnd:s gateway:s ipRange:s");
    private static final int MAX_OVERLAP_CHECKS = 256;

    /** The addresses one range hands out. */
    private record Span(BigInteger lo, BigInteger hi, boolean v6, String ptr, JsonNode at) {
    }

    private final LintContext ctx;
    private final IpamRules ipam;

    RangeRules(LintContext ctx) {
        this.ctx = ctx;
        this.ipam = new IpamRules(ctx);
    }

    void check(JsonNode node, String ptr) {
        List<Span> spans = new ArrayList<>();
        if (node.member("subnet").isPresent()) {
            range(node, ptr, spans);    // legacy flat keys: host-local puts this range first
        }
        Optional<JsonNode> sets = node.get("ranges").filter(JsonNode::isArray);
        for (int i = 0; sets.isPresent() && i < sets.get().elements().size(); i++) {
            JsonNode set = sets.get().elements().get(i);
            String sptr = "/ranges/" + i;
            if (!Checks.expect(ctx, DiagnosticCode.FIELD_TYPE, set, ptr + sptr, "range set " + i,
                    FieldType.ARRAY)) {
                continue;
            }
            for (int j = 0; j < set.elements().size(); j++) {
                JsonNode r = set.elements().get(j);
                String rptr = ptr + sptr + "/" + j;
                if (Checks.expect(ctx, DiagnosticCode.FIELD_TYPE, r, rptr, "range " + i + "/" + j,
                        FieldType.OBJECT)) {
                    Checks.fields(ctx, r, rptr, "a host-local range", RANGE);
                    if (r.member("subnet").isEmpty()) {
                        ctx.report(DiagnosticCode.MISSING_PLUGIN_FIELD, r, rptr, "a host-local range needs "
                                + "\"subnet\"");
                    }
                    range(r, rptr, spans);
                }
            }
        }
        overlaps(spans);
        ipv6Routes(node, ptr, spans);
    }

    private void range(JsonNode r, String ptr, List<Span> spans) {
        Optional<Cidr> subnet = ipam.cidr(r, ptr, "subnet");
        Optional<Cidr> start = ipam.ip(r, ptr, "rangeStart");
        Optional<Cidr> end = ipam.ip(r, ptr, "rangeEnd");
        Optional<Cidr> gw = ipam.ip(r, ptr, "gateway");
        if (subnet.isEmpty()) {
            return;
        }
        Cidr net = subnet.get();
        String subnetText = r.get("subnet").get().text();
        if (gw.isPresent() && !net.contains(gw.get())) {
            ctx.report(DiagnosticCode.GATEWAY_OUTSIDE_SUBNET, r.get("gateway").get(), LintContext.child(ptr,
                    "gateway"), "gateway " + r.get("gateway").get().text() + " is outside the subnet " + subnetText);
        }
        boolean startInside = start.map(s -> inside(r, ptr, "rangeStart", net, s, subnetText)).orElse(false);
        boolean endInside = end.map(e -> inside(r, ptr, "rangeEnd", net, e, subnetText)).orElse(false);
        if (startInside && endInside && start.get().value().compareTo(end.get().value()) > 0) {
            JsonNode s = r.get("rangeStart").get();
            ctx.report(DiagnosticCode.RANGE_REVERSED, s, LintContext.child(ptr, "rangeStart"), "rangeStart "
                    + s.text() + " is after rangeEnd " + r.get("rangeEnd").get().text());
            return;
        }
        spans.add(new Span(startInside ? start.get().value() : net.first(), endInside ? end.get().value() : net.last(),
                !net.isV4(), ptr, r.get("subnet").get()));
    }

    private boolean inside(JsonNode r, String ptr, String key, Cidr net, Cidr ip, String subnetText) {
        if (net.contains(ip)) {
            return true;
        }
        JsonNode v = r.get(key).get();
        ctx.report(DiagnosticCode.RANGE_OUTSIDE_SUBNET, v, LintContext.child(ptr, key), key + " " + v.text()
                + " is outside the subnet " + subnetText);
        return false;
    }

    private void overlaps(List<Span> spans) {
        int n = Math.min(spans.size(), MAX_OVERLAP_CHECKS);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                Span a = spans.get(j);
                Span b = spans.get(i);
                if (a.v6 == b.v6 && a.lo.compareTo(b.hi) <= 0 && b.lo.compareTo(a.hi) <= 0) {
                    ctx.report(DiagnosticCode.OVERLAPPING_RANGES, b.at, b.ptr + "/subnet", "this range overlaps the "
                            + "range at " + a.ptr + "; host-local refuses overlapping ranges");
                    break;
                }
            }
        }
    }

    /** Explicit routes replace the defaults, so IPv6 addresses without an IPv6 route cannot reach anything. */
    private void ipv6Routes(JsonNode node, String ptr, List<Span> spans) {
        Optional<JsonNode> routes = node.get("routes").filter(JsonNode::isArray).filter(a -> !a.elements().isEmpty());
        if (routes.isEmpty() || spans.stream().noneMatch(Span::v6)) {
            return;
        }
        for (JsonNode r : routes.get().elements()) {
            Optional<Cidr> dst = r.string("dst").flatMap(Cidr::cidr);
            if (dst.isPresent() && !dst.get().isV4()) {
                return;
            }
        }
        ctx.report(DiagnosticCode.IPV6_WITHOUT_ROUTE, routes.get(), ptr + "/routes", "IPv6 ranges are configured "
                + "but no route is IPv6, so containers only reach their own IPv6 subnet", "add {\"dst\": \"::/0\"}");
    }
}
