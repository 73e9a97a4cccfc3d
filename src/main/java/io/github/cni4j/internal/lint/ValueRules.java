package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.PluginKnowledge.Plugin;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks the values a reference plugin accepts: enumerations, number ranges, required and dependent fields. */
final class ValueRules {

    private static final int IFNAMSIZ_MAX = 15;

    private final LintContext ctx;

    ValueRules(LintContext ctx) {
        this.ctx = ctx;
    }

    void check(JsonNode p, String ptr, Plugin kp, Optional<String> ipamType) {
        for (Map.Entry<String, Set<String>> e : kp.allowed().entrySet()) {
            p.get(e.getKey()).filter(JsonNode::isString).filter(v -> !e.getValue().contains(v.text()))
                    .ifPresent(v -> ctx.report(DiagnosticCode.VALUE_OUT_OF_RANGE, v.start(), v.end(),
                            LintContext.child(ptr, e.getKey()), kp.type() + " does not accept " + e.getKey() + " \""
                                    + v.text() + "\"; expected one of " + new java.util.TreeSet<>(e.getValue()),
                            Checks.didYouMean(v.text(), e.getValue())));
        }
        range(p, ptr, "mtu", 68, 65535);
        range(p, ptr, "vlan", 0, 4094);
        range(p, ptr, "vlanId", 0, 4094);
        if (kp.type().equals("portmap")) {
            range(p, ptr, "markMasqBit", 0, 31);
        }
        required(p, ptr, kp);
        ifName(p, ptr, "bridge");
        ifName(p, ptr, "vrfname");
        if (kp.type().equals("bridge")) {
            masquerade(p, ptr);
        }
        if (kp.type().equals("bandwidth")) {
            burst(p, ptr, "ingress");
            burst(p, ptr, "egress");
        }
    }

    private void range(JsonNode p, String ptr, String key, long min, long max) {
        Optional<JsonNode> v = p.get(key).filter(n -> Checks.hasType(n, PluginKnowledge.FieldType.INTEGER));
        if (v.isEmpty()) {
            return;
        }
        String text = v.get().text();
        // Past 18 digits a number is out of every range here; parsing a huge one would only cost time.
        boolean outside = text.length() > 18;
        if (!outside) {
            long n = Long.parseLong(text);
            outside = n < min || n > max;
        }
        if (outside) {
            ctx.report(DiagnosticCode.VALUE_OUT_OF_RANGE, v.get(), LintContext.child(ptr, key), "\"" + key + "\" is "
                    + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "; expected " + min + " to " + max);
        }
    }

    private void required(JsonNode p, String ptr, Plugin kp) {
        for (String need : kp.required()) {
            boolean present = false;
            for (String alt : need.split("\\|")) {
                present |= p.member(alt).isPresent();
            }
            if (!present) {
                JsonNode at = p.get("type").orElse(p);
                ctx.report(DiagnosticCode.MISSING_PLUGIN_FIELD, at.start(), at.end(), ptr, kp.type() + " needs "
                        + (need.contains("|") ? "one of \"" + need.replace("|", "\", \"") + "\"" : "\"" + need + "\"")
                        + " and fails without it", null);
            }
        }
    }

    private void ifName(JsonNode p, String ptr, String key) {
        p.get(key).filter(JsonNode::isString).filter(v -> PluginRules.ifNameBytes(v.text()) > IFNAMSIZ_MAX)
                .ifPresent(v -> ctx.report(DiagnosticCode.INTERFACE_NAME_TOO_LONG, v.start(), v.end(),
                        LintContext.child(ptr, key), "interface name \"" + v.text() + "\" is "
                                + PluginRules.ifNameBytes(v.text()) + " bytes; Linux allows at most " + IFNAMSIZ_MAX,
                        null));
    }

    /** The bridge plugin turns isDefaultGateway into isGateway, so either one makes masquerading sensible. */
    private void masquerade(JsonNode p, String ptr) {
        Optional<JsonNode.Member> masq = p.member("ipMasq").filter(m -> m.value().text().equals("true"));
        boolean gateway = p.get("isGateway").map(v -> v.text().equals("true")).orElse(false)
                || p.get("isDefaultGateway").map(v -> v.text().equals("true")).orElse(false);
        if (masq.isPresent() && !gateway) {
            ctx.report(DiagnosticCode.MASQ_WITHOUT_GATEWAY, masq.get().keyStart(), masq.get().value().end(),
                    LintContext.child(ptr, "ipMasq"), "ipMasq is true but the bridge is not the gateway (isGateway "
                            + "is false or missing), so the containers have no route out to be masqueraded",
                    "add \"isGateway\": true");
        }
    }

    private void burst(JsonNode p, String ptr, String direction) {
        Optional<JsonNode.Member> rate = p.member(direction + "Rate");
        if (rate.isPresent() && p.member(direction + "Burst").isEmpty()) {
            ctx.report(DiagnosticCode.MISSING_PLUGIN_FIELD, rate.get().keyStart(), rate.get().keyEnd(),
                    LintContext.child(ptr, direction + "Rate"), "if rate is set, burst must also be set: add \""
                            + direction + "Burst\"", null);
        }
    }
}
