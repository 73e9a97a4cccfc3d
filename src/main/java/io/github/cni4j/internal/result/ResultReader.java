package io.github.cni4j.internal.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.result.Dns;
import io.github.cni4j.result.Interface;
import io.github.cni4j.result.IpConfig;
import io.github.cni4j.result.IpPrefix;
import io.github.cni4j.result.Result;
import io.github.cni4j.result.Route;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Decodes a result tree into the typed model the way libcni's typed {@code json.Unmarshal} does for one version
 * family, including the order in which Go reports errors: a type mismatch in a plain field is remembered and the
 * decoder goes on; anything that fails inside an IP, route or {@code ip4}/{@code ip6} entry (Go decodes those
 * with their own unmarshaller) stops decoding at once.
 */
final class ResultReader {

    /** 0 for 0.1.0/0.2.0, 1 for 0.3.x/0.4.0, 2 for 1.x. */
    private final int family;
    private final String pkg;
    private DecodeError saved;
    private String typedVersion = "";

    private ResultReader(int family) {
        this.family = family;
        this.pkg = switch (family) {
            case 0 -> "types020";
            case 1 -> "types040";
            default -> "types100";
        };
    }

    /** Decodes {@code root} (an object or null); returns the builder (version unset) and the decoded version. */
    static Map.Entry<Result.Builder, String> read(JsonNode root, int family) {
        ResultReader r = new ResultReader(family);
        Result.Builder b = Result.builder();
        if (root.isObject()) {
            r.top(root, b);
        }
        if (r.saved != null) {
            throw r.saved;
        }
        return Map.entry(b, r.typedVersion);
    }

    private void top(JsonNode root, Result.Builder b) {
        // Go decodes the keys in document order; walk them so errors come in Go's order.
        List<String> fields = family == 0 ? List.of("cniVersion", "ip4", "ip6", "dns")
                : List.of("cniVersion", "interfaces", "ips", "routes", "dns");
        List<Map.Entry<String, JsonNode>> order = new ArrayList<>();
        root.fields().forEachRemaining(order::add);
        for (Map.Entry<String, JsonNode> e : order) {
            for (String f : fields) {
                // only the last key matching a field counts, as it overwrites the earlier ones
                if (e.getKey().equalsIgnoreCase(f) && GoFields.find(root, f) == e) {
                    topField(f, e.getValue(), GoFields.child("", e.getKey()), b);
                }
            }
        }
    }

    private void topField(String f, JsonNode v, String ptr, Result.Builder b) {
        switch (f) {
            case "cniVersion" -> typedVersion = string(v, ptr, "Result.cniVersion", typedVersion);
            case "interfaces" -> b.interfaces(list(v, ptr, "interfaces", pkg + ".Interface", this::iface));
            case "ips" -> b.ips(list(v, ptr, "ips", pkg + ".IPConfig", this::ip));
            case "routes" -> b.routes(list(v, ptr, "routes", "types.Route", this::route));
            case "dns" -> b.dns(dns(v, ptr));
            default -> legacyIp(f, v, ptr, b);
        }
    }

    private interface ElementReader<T> {
        T read(JsonNode node, String ptr);
    }

    private <T> List<T> list(JsonNode v, String ptr, String field, String elemType, ElementReader<T> reader) {
        List<T> out = new ArrayList<>();
        if (v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            save(GoFields.typeError(GoFields.kind(v), "Result." + field, "[]*" + elemType), ptr);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = GoFields.child(ptr, i);
            if (e.isNull()) {
                // Go keeps a nil entry here and later crashes converting it; refuse it up front.
                throw new DecodeError("json: null entry in Result." + field + "; expected an object", p);
            }
            T t = reader.read(e, p);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private Interface iface(JsonNode v, String ptr) {
        if (!v.isObject()) {
            save(GoFields.typeError(GoFields.kind(v), "Result.interfaces", pkg + ".Interface"), ptr);
            return null;
        }
        Interface.Builder b = Interface.builder();
        String ctx = "Interface.interfaces.";
        strField(v, ptr, "name", ctx, b::name);
        strField(v, ptr, "mac", ctx, b::mac);
        strField(v, ptr, "sandbox", ctx, b::sandbox);
        if (family == 2) {
            intField(v, ptr, "mtu", ctx + "mtu", (p, x) -> b.mtu(x));
            strField(v, ptr, "socketPath", ctx, b::socketPath);
            strField(v, ptr, "pciID", ctx, b::pciId);
        }
        return b.build();
    }

    private IpConfig ip(JsonNode v, String ptr) {
        DecodeError outer = enterEntry();
        String ctx = "Result.ips";
        if (!v.isObject()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, pkg + ".ipConfig"), ptr);
        }
        IpConfig.Builder b = IpConfig.builder();
        if (family == 1) {
            strField(v, ptr, "version", ctx, b::version);
        }
        intField(v, ptr, "interface", ctx, (p, x) -> b.interfaceIndex(x));
        b.address(cidr(v, ptr, "address", ctx));
        InetAddress gw = ipField(v, ptr, "gateway", ctx);
        if (gw != null) {
            b.gateway(gw);
        }
        leaveEntry(outer);
        return b.build();
    }

    private Route route(JsonNode v, String ptr) {
        return route(v, ptr, "Result.routes");
    }

    private Route route(JsonNode v, String ptr, String ctx) {
        DecodeError outer = enterEntry();
        if (!v.isObject()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, "types.route"), ptr);
        }
        Route.Builder b = Route.builder().dst(cidr(v, ptr, "dst", ctx));
        InetAddress gw = ipField(v, ptr, "gw", ctx);
        if (gw != null) {
            b.gw(gw);
        }
        intField(v, ptr, "mtu", ctx, (p, x) -> b.mtu(x));
        intField(v, ptr, "advmss", ctx, (p, x) -> b.advmss(x));
        intField(v, ptr, "priority", ctx, (p, x) -> b.priority(x));
        intField(v, ptr, "table", ctx, (p, x) -> b.table(x));
        intField(v, ptr, "scope", ctx, (p, x) -> b.scope(x));
        leaveEntry(outer);
        return b.build();
    }

    private void legacyIp(String f, JsonNode v, String ptr, Result.Builder b) {
        if (v.isNull()) {
            return;
        }
        DecodeError outer = enterEntry();
        String ctx = "Result." + f;
        if (!v.isObject()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, "types020.ipConfig"), ptr);
        }
        IpConfig.Builder ip = IpConfig.builder().version(f.substring(2)).address(cidr(v, ptr, "ip", ctx));
        InetAddress gw = ipField(v, ptr, "gateway", ctx);
        if (gw != null) {
            ip.gateway(gw);
        }
        Map.Entry<String, JsonNode> routes = GoFields.find(v, "routes");
        if (routes != null && !routes.getValue().isNull()) {
            String rp = GoFields.child(ptr, routes.getKey());
            if (!routes.getValue().isArray()) {
                save(GoFields.typeError(GoFields.kind(routes.getValue()), ctx, "[]types.Route"), rp);
            } else {
                for (int i = 0; i < routes.getValue().size(); i++) {
                    Route r = route(routes.getValue().get(i), GoFields.child(rp, i), ctx);
                    if (r.dst().isIpv4() != f.equals("ip4")) {
                        throw new DecodeError("route " + r.dst() + " does not belong in " + f
                                + " (cni4j keeps 0.1.0/0.2.0 routes with the address of their family)",
                                GoFields.child(rp, i));
                    }
                    b.addRoute(r);
                }
            }
        }
        leaveEntry(outer);
        b.addIp(ip.build());
    }

    private Dns dns(JsonNode v, String ptr) {
        if (v.isNull()) {
            return Dns.empty();
        }
        if (!v.isObject()) {
            save(GoFields.typeError(GoFields.kind(v), "Result.dns", "types.DNS"), ptr);
            return Dns.empty();
        }
        Dns.Builder b = Dns.builder();
        strList(v, ptr, "nameservers", b::addNameserver);
        strField(v, ptr, "domain", "DNS.dns.", b::domain);
        strList(v, ptr, "search", b::addSearch);
        strList(v, ptr, "options", b::addOption);
        return b.build();
    }

    private void strList(JsonNode obj, String ptr, String name, java.util.function.Consumer<String> sink) {
        Map.Entry<String, JsonNode> e = GoFields.find(obj, name);
        if (e == null || e.getValue().isNull()) {
            return;
        }
        String p = GoFields.child(ptr, e.getKey());
        JsonNode v = e.getValue();
        if (!v.isArray()) {
            save(GoFields.typeError(GoFields.kind(v), "DNS.dns." + name, "[]string"), p);
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            sink.accept(string(v.get(i), GoFields.child(p, i), "DNS.dns." + name, ""));
        }
    }

    private void strField(JsonNode obj, String ptr, String name, String ctx, java.util.function.Consumer<String> sink) {
        Map.Entry<String, JsonNode> e = GoFields.find(obj, name);
        if (e != null) {
            String full = ctx.endsWith(".") ? ctx + name : ctx;
            sink.accept(string(e.getValue(), GoFields.child(ptr, e.getKey()), full, ""));
        }
    }

    private String string(JsonNode v, String ptr, String ctx, String dflt) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (!v.isNull()) {
            save(GoFields.typeError(GoFields.kind(v), ctx, "string"), ptr);
        }
        return dflt;
    }

    private void intField(JsonNode obj, String ptr, String name, String ctx, BiConsumer<String, Integer> sink) {
        Map.Entry<String, JsonNode> e = GoFields.find(obj, name);
        if (e == null || e.getValue().isNull()) {
            return;
        }
        JsonNode v = e.getValue();
        String p = GoFields.child(ptr, e.getKey());
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            sink.accept(p, v.intValue());
        } else {
            String what = v.isNumber() ? "number " + v.asText() : GoFields.kind(v);
            save(GoFields.typeError(what, ctx, "int"), p);
        }
    }

    private IpPrefix cidr(JsonNode obj, String ptr, String name, String ctx) {
        Map.Entry<String, JsonNode> e = GoFields.find(obj, name);
        if (e == null) {
            // Go would keep an empty address and print "<nil>"; cni4j requires it.
            throw new DecodeError("invalid CIDR address: ", ptr);
        }
        String p = GoFields.child(ptr, e.getKey());
        JsonNode v = e.getValue();
        if (!v.isTextual() && !v.isNull()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, "string"), p);
        }
        String text = v.isNull() ? "" : v.textValue();
        try {
            return IpPrefix.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new DecodeError(ex.getMessage(), p);
        }
    }

    private InetAddress ipField(JsonNode obj, String ptr, String name, String ctx) {
        Map.Entry<String, JsonNode> e = GoFields.find(obj, name);
        if (e == null || e.getValue().isNull()) {
            return null;
        }
        String p = GoFields.child(ptr, e.getKey());
        JsonNode v = e.getValue();
        if (!v.isTextual()) {
            save(GoFields.typeError(GoFields.kind(v), ctx, "net.IP"), p);
            return null;
        }
        if (v.textValue().isEmpty()) {
            return null;
        }
        InetAddress ip = GoIp.parse(v.textValue());
        if (ip == null) {
            throw new DecodeError("invalid IP address: " + v.textValue(), p);
        }
        return ip;
    }

    private void save(String message, String ptr) {
        if (saved == null) {
            saved = new DecodeError(message, ptr);
        }
    }

    /** Starts an entry Go decodes with its own unmarshaller: its errors are its own until it ends. */
    private DecodeError enterEntry() {
        DecodeError outer = saved;
        saved = null;
        return outer;
    }

    private void leaveEntry(DecodeError outer) {
        if (saved != null) {
            throw saved;
        }
        saved = outer;
    }
}
