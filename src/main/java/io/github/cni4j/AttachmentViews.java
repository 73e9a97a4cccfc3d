package io.github.cni4j;

import io.github.cni4j.error.PluginException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.facade.Step;
import io.github.cni4j.result.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Builds the per-interface view of one network's result and rejects results whose IPs point at interfaces that
 * do not exist. Works on the result's spec JSON, so every result version is handled: 0.3.0 and later
 * ({@code interfaces}/{@code ips}/{@code routes}) and 0.1.0/0.2.0 ({@code ip4}/{@code ip6}, no interfaces).
 */
final class AttachmentViews {

    private AttachmentViews() {
    }

    /**
     * A checker for one attach request: validates each result and that no two networks report the same
     * container interface name.
     */
    static BiConsumer<Step, Result> validator() {
        Map<String, String> seen = new HashMap<>();
        return (step, result) -> {
            for (AttachedInterface i : interfaces(step, result)) {
                String other = seen.putIfAbsent(i.name(), step.name());
                if (other != null) {
                    throw invalid(step, "interface " + i.name() + " was already reported by network \""
                            + other + "\"");
                }
            }
        };
    }

    /** The container-side interfaces of a network's result; throws if an IP names a missing interface. */
    static List<AttachedInterface> interfaces(Step step, Result result) {
        JsonNode tree = CapabilityJson.read(result.toBytes(), "result of network " + step.name());
        List<Builder> all = new ArrayList<>();
        for (JsonNode f : tree.path("interfaces")) {
            all.add(new Builder(f.path("name").asText(""), f.path("mac").asText(""), f.path("sandbox").asText(""),
                    f.path("mtu").asInt(0)));
        }
        int reported = all.size();
        // The network's own interface: the one named CNI_IFNAME inside the container.
        Builder own = all.stream().filter(b -> b.name.equals(step.ifName()) && !b.sandbox.isEmpty())
                .reduce((first, second) -> second).orElse(null);
        for (JsonNode ip : ips(tree)) {
            AttachedInterface.Address addr = new AttachedInterface.Address(ip.path("address").asText(""),
                    ip.path("gateway").asText(""));
            JsonNode idx = ip.get("interface");
            if (idx != null && !idx.isNull()) {
                if (!idx.canConvertToInt() || idx.asInt() < 0 || idx.asInt() >= reported) {
                    throw invalid(step, "IP " + addr.address() + " names interface " + idx.asText()
                            + ", but the result has " + reported + " interface(s)");
                }
                all.get(idx.asInt()).ips.add(addr);
                continue;
            }
            // No index (IPAM-style or 0.1.0/0.2.0 results): the address is the network's own interface's.
            if (own == null) {
                own = new Builder(step.ifName(), "", step.rt().netNs(), 0);
                all.add(own);
            }
            own.ips.add(addr);
        }
        List<AttachedInterface.Route> routes = routes(tree);
        List<AttachedInterface> out = new ArrayList<>();
        for (Builder b : all) {
            if (!b.sandbox.isEmpty()) {
                out.add(new AttachedInterface(b.name, step.name(), b.mac, b.sandbox, b.mtu, b.ips,
                        b == own ? routes : List.of()));
            }
        }
        return out;
    }

    /** Validates a result (used as the attach flow's inspector when no cross-network check is needed). */
    static void validate(Step step, Result result) {
        interfaces(step, result);
    }

    private static List<JsonNode> ips(JsonNode tree) {
        List<JsonNode> out = new ArrayList<>();
        tree.path("ips").forEach(out::add);
        // 0.1.0/0.2.0 results: one address per family and no interfaces.
        for (String family : List.of("ip4", "ip6")) {
            JsonNode old = tree.get(family);
            if (old != null && old.isObject()) {
                out.add(CapabilityJson.object().put("address", old.path("ip").asText(""))
                        .put("gateway", old.path("gateway").asText("")));
            }
        }
        return out;
    }

    private static List<AttachedInterface.Route> routes(JsonNode tree) {
        List<AttachedInterface.Route> out = new ArrayList<>();
        tree.path("routes").forEach(r -> out.add(new AttachedInterface.Route(r.path("dst").asText(""),
                r.path("gw").asText(""))));
        for (String family : List.of("ip4", "ip6")) {
            tree.path(family).path("routes").forEach(r -> out.add(new AttachedInterface.Route(
                    r.path("dst").asText(""), r.path("gw").asText(""))));
        }
        return out;
    }

    private static PluginException invalid(Step step, String problem) {
        String type = step.net().plugins().isEmpty() ? ""
                : step.net().plugins().get(step.net().plugins().size() - 1).type();
        return new PluginException(6, "invalid result from " + step.describe() + ": " + problem, null, type, "",
                "ADD", 0, 0, "", null);
    }

    private static final class Builder {
        final String name;
        final String mac;
        final String sandbox;
        final int mtu;
        final List<AttachedInterface.Address> ips = new ArrayList<>();

        Builder(String name, String mac, String sandbox, int mtu) {
            this.name = name;
            this.mac = mac;
            this.sandbox = sandbox;
            this.mtu = mtu;
        }
    }
}
