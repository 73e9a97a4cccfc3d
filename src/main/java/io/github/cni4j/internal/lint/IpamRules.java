package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.internal.lint.PluginKnowledge.Plugin;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Checks an {@code ipam} object, and host-local and static addressing in depth. */
final class IpamRules {

    private static final Map<String, FieldType> ROUTE = PluginKnowledge.fieldsOf(
            "dst:s gw:s mtu:i advmss:i priority:i table:i scope:i");
    private static final Map<String, FieldType> ADDRESS = PluginKnowledge.fieldsOf("address:s gateway:s");

    /** A bare word where an address belongs: a value another component substitutes, such as usePodCidr. */
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final LintContext ctx;

    IpamRules(LintContext ctx) {
        this.ctx = ctx;
    }

    /** @return the IPAM type when it is usable */
    Optional<String> check(JsonNode ipam, String ptr) {
        if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, ipam, ptr, "\"ipam\"", FieldType.OBJECT)
                || ipam.members().isEmpty()) {
            return Optional.empty();    // "ipam": {} means no IPAM, which macvlan and bridge accept
        }
        if (ipam.get("type").filter(t -> t.isString() && t.text().isEmpty()).isPresent()) {
            return Optional.empty();    // so does "type": "" (the plugins test IPAM.Type != "")
        }
        Optional<String> type = Checks.type(ctx, ipam, ptr, "\"ipam\"");
        Optional<Plugin> known = type.flatMap(PluginKnowledge::plugin)
                .filter(p -> p.role() == PluginKnowledge.Role.IPAM);
        if (known.isEmpty()) {
            return type;
        }
        Map<String, FieldType> all = new HashMap<>(known.get().fields());
        all.put("type", FieldType.STRING);
        if (!known.get().type().equals("dhcp")) {
            all.put("dns", FieldType.OBJECT);
        }
        Checks.fields(ctx, ipam, ptr, "IPAM \"" + known.get().type() + "\"", all);
        if (known.get().type().equals("host-local")) {
            new RangeRules(ctx).check(ipam, ptr);
        } else if (known.get().type().equals("static")) {
            addresses(ipam, ptr);
        }
        routes(ipam, ptr);
        return type;
    }

    private void addresses(JsonNode ipam, String ptr) {
        forEachObject(ipam, ptr, "addresses", (a, aptr) -> {
            Checks.fields(ctx, a, aptr, "a static address", ADDRESS);
            if (a.member("address").isEmpty()) {
                ctx.report(DiagnosticCode.MISSING_PLUGIN_FIELD, a, aptr, "a static address needs \"address\"");
            }
            Optional<Cidr> cidr = cidr(a, aptr, "address");
            Optional<Cidr> gw = ip(a, aptr, "gateway");
            if (cidr.isPresent() && gw.isPresent() && !cidr.get().contains(gw.get())) {
                JsonNode g = a.get("gateway").get();
                ctx.report(DiagnosticCode.GATEWAY_OUTSIDE_SUBNET, g, LintContext.child(aptr, "gateway"),
                        "gateway " + g.text() + " is outside " + a.get("address").get().text());
            }
        });
    }

    private void routes(JsonNode ipam, String ptr) {
        forEachObject(ipam, ptr, "routes", (r, rptr) -> {
            Checks.fields(ctx, r, rptr, "a route", ROUTE);
            if (r.member("dst").isEmpty()) {
                ctx.report(DiagnosticCode.MISSING_PLUGIN_FIELD, r, rptr, "a route needs \"dst\"");
            }
            cidr(r, rptr, "dst");
            ip(r, rptr, "gw");
        });
    }

    /** Calls {@code body} for each object in the array {@code key}; reports other shapes. */
    void forEachObject(JsonNode owner, String ptr, String key, java.util.function.BiConsumer<JsonNode, String> body) {
        Optional<JsonNode> arr = owner.get(key).filter(JsonNode::isArray);
        if (arr.isEmpty()) {
            return;
        }
        for (int i = 0; i < arr.get().elements().size(); i++) {
            JsonNode e = arr.get().elements().get(i);
            String eptr = LintContext.child(LintContext.child(ptr, key), i);
            if (Checks.expect(ctx, DiagnosticCode.FIELD_TYPE, e, eptr, key + " entry " + i, FieldType.OBJECT)) {
                body.accept(e, eptr);
            }
        }
    }

    Optional<Cidr> cidr(JsonNode owner, String ptr, String key) {
        Optional<JsonNode> v = owner.get(key).filter(JsonNode::isString);
        Optional<Cidr> c = v.flatMap(n -> Cidr.cidr(n.text()));
        if (v.isPresent() && c.isEmpty() && key.equals("subnet") && Checks.isWord(v.get().text(), LETTERS, LETTERS + "_-")) {
            ctx.report(DiagnosticCode.PLACEHOLDER_VALUE, v.get(), LintContext.child(ptr, key), "\"" + key + "\" \""
                    + v.get().text() + "\" is not a CIDR; host-local fails on it unless another component (Calico's "
                    + "usePodCidr, for one) replaces it before the plugin runs");
        } else if (v.isPresent() && c.isEmpty()) {
            ctx.report(DiagnosticCode.INVALID_ADDRESS, v.get(), LintContext.child(ptr, key), "\"" + key + "\" \""
                    + v.get().text() + "\" is not a CIDR; expected an address and prefix such as 10.88.0.0/16");
        }
        return c;
    }

    Optional<Cidr> ip(JsonNode owner, String ptr, String key) {
        Optional<JsonNode> v = owner.get(key).filter(JsonNode::isString);
        Optional<Cidr> ip = v.flatMap(n -> Cidr.address(n.text()));
        if (v.isPresent() && ip.isEmpty()) {
            ctx.report(DiagnosticCode.INVALID_ADDRESS, v.get(), LintContext.child(ptr, key), "\"" + key + "\" \""
                    + v.get().text() + "\" is not an IP address; expected e.g. 10.88.0.1 or 2001:db8::1"
                    + (v.get().text().contains("/") ? " without a prefix" : ""));
        }
        return ip;
    }
}
