package io.github.cni4j.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.gojson.DecodeError;
import io.github.cni4j.internal.gojson.GoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes a result tree into the typed model the way libcni's typed {@code json.Unmarshal} does for one version
 * family, including which error Go reports first: a type mismatch in a plain field is remembered while decoding
 * goes on; anything failing inside an IP, route or {@code ip4}/{@code ip6} entry (Go decodes those with their own
 * unmarshaller) stops decoding at once.
 */
final class ResultReader {

    private static final List<String> TOP = List.of("cniVersion", "interfaces", "ips", "routes", "dns");
    private static final List<String> TOP_LEGACY = List.of("cniVersion", "ip4", "ip6", "dns");
    private static final List<String> IFACE_040 = List.of("name", "mac", "sandbox");
    private static final List<String> IFACE_100 = List.of("name", "mac", "mtu", "sandbox", "socketPath", "pciID");
    private static final List<String> IP_040 = List.of("version", "interface", "address", "gateway");
    private static final List<String> IP_100 = List.of("interface", "address", "gateway");
    private static final List<String> IP_020 = List.of("ip", "gateway", "routes");
    private static final List<String> ROUTE = List.of("dst", "gw", "mtu", "advmss", "priority", "table", "scope");
    private static final List<String> DNS = List.of("nameservers", "domain", "search", "options");

    /** 0 for 0.1.0/0.2.0, 1 for 0.3.x/0.4.0, 2 for 1.x. */
    private final int family;
    private final String pkg;
    private final GoDecoder d;
    private String typedVersion = "";

    private ResultReader(int family, byte[] source) {
        this.family = family;
        this.d = new GoDecoder(source);
        this.pkg = switch (family) {
            case 0 -> "types020";
            case 1 -> "types040";
            default -> "types100";
        };
    }

    /**
     * Decodes {@code root} (an object or null); returns the builder (version unset) and the decoded version.
     * {@code source} is the text {@code root} was read from, if any, to quote numbers in errors as Go does.
     */
    static Map.Entry<Result.Builder, String> read(JsonNode root, int family, byte[] source) {
        ResultReader r = new ResultReader(family, source);
        Result.Builder b = Result.builder();
        if (root.isObject()) {
            GoFields.visit(root, family == 0 ? TOP_LEGACY : TOP,
                    (f, e) -> r.topField(f, e.getValue(), GoFields.child("", e.getKey()), b));
        }
        r.d.finish();
        return Map.entry(b, r.typedVersion);
    }

    private void topField(String f, JsonNode v, String ptr, Result.Builder b) {
        switch (f) {
            case "cniVersion" -> typedVersion = d.string(v, ptr, "Result.cniVersion", typedVersion);
            case "interfaces" -> b.interfaces(list(v, ptr, "interfaces", pkg + ".Interface", this::iface));
            case "ips" -> b.ips(list(v, ptr, "ips", pkg + ".IPConfig", this::ip));
            case "routes" -> b.routes(list(v, ptr, "routes", "types.Route", (x, p) -> route(x, p, "Result.routes")));
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
            d.save(GoFields.typeError(GoFields.kind(v), "Result." + field, "[]*" + elemType), ptr);
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

    private Result.Interface iface(JsonNode v, String ptr) {
        if (!v.isObject()) {
            d.save(GoFields.typeError(GoFields.kind(v), "Result.interfaces", pkg + ".Interface"), ptr);
            return null;
        }
        Result.Interface.Builder b = Result.Interface.builder();
        GoFields.visit(v, family == 2 ? IFACE_100 : IFACE_040, (f, e) -> {
            String p = GoFields.child(ptr, e.getKey());
            String ctx = "Interface.interfaces." + f;
            JsonNode x = e.getValue();
            switch (f) {
                case "name" -> b.name(d.string(x, p, ctx, ""));
                case "mac" -> b.mac(d.string(x, p, ctx, ""));
                case "mtu" -> d.integer(x, p, ctx, b::mtu);
                case "sandbox" -> b.sandbox(d.string(x, p, ctx, ""));
                case "socketPath" -> b.socketPath(d.string(x, p, ctx, ""));
                default -> b.pciId(d.string(x, p, ctx, ""));
            }
        });
        return b.build();
    }

    private interface FieldReader {
        void read(String name, JsonNode value, String ptr);
    }

    /** One object Go decodes with its own unmarshaller: any error inside stops decoding; {@code required} must be set. */
    private void entry(JsonNode v, String ptr, String ctx, String goType, List<String> fields, String required,
                       FieldReader reader) {
        DecodeError outer = d.enterEntry();
        if (!v.isObject()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, goType), ptr);
        }
        boolean[] seen = new boolean[1];
        GoFields.visit(v, fields, (f, e) -> {
            reader.read(f, e.getValue(), GoFields.child(ptr, e.getKey()));
            seen[0] |= f.equals(required);
        });
        d.requireAddress(seen[0], required, ptr);
        d.leaveEntry(outer);
    }

    private IpConfig ip(JsonNode v, String ptr) {
        String ctx = "Result.ips";
        IpConfig.Builder b = IpConfig.builder();
        entry(v, ptr, ctx, pkg + ".ipConfig", family == 1 ? IP_040 : IP_100, "address", (f, x, p) -> {
            switch (f) {
                case "version" -> b.version(d.string(x, p, ctx, ""));
                case "interface" -> d.integer(x, p, ctx, b::interfaceIndex);
                case "address" -> b.address(d.cidr(x, p, ctx));
                default -> d.ip(x, p, ctx, b::gateway);
            }
        });
        return b.build();
    }

    private Route route(JsonNode v, String ptr, String ctx) {
        Route.Builder b = Route.builder();
        entry(v, ptr, ctx, "types.route", ROUTE, "dst", (f, x, p) -> {
            switch (f) {
                case "dst" -> b.dst(d.cidr(x, p, ctx));
                case "gw" -> d.ip(x, p, ctx, b::gw);
                case "mtu" -> d.integer(x, p, ctx, b::mtu);
                case "advmss" -> d.integer(x, p, ctx, b::advmss);
                case "priority" -> d.integer(x, p, ctx, b::priority);
                case "table" -> d.integer(x, p, ctx, b::table);
                default -> d.integer(x, p, ctx, b::scope);
            }
        });
        return b.build();
    }

    private void legacyIp(String f, JsonNode v, String ptr, Result.Builder result) {
        if (v.isNull()) {
            return;
        }
        String ctx = "Result." + f;
        IpConfig.Builder b = IpConfig.builder().version(f.substring(2));
        List<Route> routes = new ArrayList<>();
        entry(v, ptr, ctx, "types020.ipConfig", IP_020, "ip", (name, x, p) -> {
            switch (name) {
                case "ip" -> b.address(d.cidr(x, p, ctx));
                case "gateway" -> d.ip(x, p, ctx, b::gateway);
                default -> legacyRoutes(f, x, p, ctx, routes);
            }
        });
        result.addIp(b.build());
        routes.forEach(result::addRoute);
    }

    private void legacyRoutes(String f, JsonNode x, String ptr, String ctx, List<Route> routes) {
        routes.clear();
        if (x.isNull()) {
            return;
        }
        if (!x.isArray()) {
            d.save(GoFields.typeError(GoFields.kind(x), ctx, "[]types.Route"), ptr);
            return;
        }
        for (int i = 0; i < x.size(); i++) {
            Route r = route(x.get(i), GoFields.child(ptr, i), ctx);
            if (r.dst().isIpv4() != f.equals("ip4")) {
                throw new DecodeError("route " + r.dst() + " does not belong in " + f
                        + "; cni4j keeps 0.1.0/0.2.0 routes with the address of their family",
                        GoFields.child(ptr, i));
            }
            routes.add(r);
        }
    }

    private Dns dns(JsonNode v, String ptr) {
        if (v.isNull()) {
            return Dns.empty();
        }
        if (!v.isObject()) {
            d.save(GoFields.typeError(GoFields.kind(v), "Result.dns", "types.DNS"), ptr);
            return Dns.empty();
        }
        Dns.Builder b = Dns.builder();
        GoFields.visit(v, DNS, (f, e) -> {
            String p = GoFields.child(ptr, e.getKey());
            String ctx = "DNS.dns." + f;
            switch (f) {
                case "nameservers" -> b.nameservers(d.strings(e.getValue(), p, ctx));
                case "domain" -> b.domain(d.string(e.getValue(), p, ctx, ""));
                case "search" -> b.search(d.strings(e.getValue(), p, ctx));
                default -> b.options(d.strings(e.getValue(), p, ctx));
            }
        });
        return b.build();
    }
}
