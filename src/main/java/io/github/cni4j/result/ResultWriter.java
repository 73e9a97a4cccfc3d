package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes results byte for byte as libcni marshals them. 1.x results go through a generic map in libcni, so their
 * keys come out sorted and an empty {@code dns} is dropped; older results are plain Go structs, written in field
 * order with {@code omitempty} rules and an always-present {@code dns} object.
 */
final class ResultWriter {

    private ResultWriter() {
    }

    static byte[] write(Result r) {
        StringBuilder sb = new StringBuilder(256);
        if (r.cniVersion().isAtLeast(CniVersion.V1_0_0)) {
            writeSorted(sb, r);
        } else if (r.cniVersion().isAtLeast(CniVersion.V0_3_0)) {
            writeStructOrder(sb, r);
        } else {
            writeLegacy(sb, r);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeSorted(StringBuilder sb, Result r) {
        sb.append("{\"cniVersion\":");
        GoJson.appendString(sb, r.cniVersion().toString());
        if (r.dns().isPresent()) {
            sb.append(",\"dns\":");
            writeDnsSorted(sb, r.dns().get());
        }
        if (!r.interfaces().isEmpty()) {
            sb.append(",\"interfaces\":[");
            for (int i = 0; i < r.interfaces().size(); i++) {
                Interface f = r.interfaces().get(i);
                sb.append(i > 0 ? ",{" : "{");
                Fields o = new Fields(sb);
                o.str("mac", f.mac()).num("mtu", f.mtu()).strAlways("name", f.name()).str("pciID", f.pciId())
                        .str("sandbox", f.sandbox()).str("socketPath", f.socketPath());
                sb.append('}');
            }
            sb.append(']');
        }
        if (!r.ips().isEmpty()) {
            sb.append(",\"ips\":[");
            for (int i = 0; i < r.ips().size(); i++) {
                IpConfig ip = r.ips().get(i);
                sb.append(i > 0 ? ",{" : "{");
                Fields o = new Fields(sb).strAlways("address", ip.address().toString());
                ip.gateway().ifPresent(g -> o.strAlways("gateway", GoIp.format(g)));
                ip.interfaceIndex().ifPresent(x -> o.numAlways("interface", x));
                sb.append('}');
            }
            sb.append(']');
        }
        if (!r.routes().isEmpty()) {
            sb.append(",\"routes\":[");
            for (int i = 0; i < r.routes().size(); i++) {
                Route rt = r.routes().get(i);
                sb.append(i > 0 ? ",{" : "{");
                Fields o = new Fields(sb).num("advmss", rt.advmss()).strAlways("dst", rt.dst().toString());
                rt.gw().ifPresent(g -> o.strAlways("gw", GoIp.format(g)));
                o.num("mtu", rt.mtu()).num("priority", rt.priority());
                rt.scope().ifPresent(x -> o.numAlways("scope", x));
                rt.table().ifPresent(x -> o.numAlways("table", x));
                sb.append('}');
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void writeDnsSorted(StringBuilder sb, Dns d) {
        sb.append('{');
        new Fields(sb).str("domain", d.domain().orElse("")).list("nameservers", d.nameservers())
                .list("options", d.options()).list("search", d.search());
        sb.append('}');
    }

    private static void writeStructOrder(StringBuilder sb, Result r) {
        sb.append("{\"cniVersion\":");
        GoJson.appendString(sb, r.cniVersion().toString());
        if (!r.interfaces().isEmpty()) {
            sb.append(",\"interfaces\":[");
            for (int i = 0; i < r.interfaces().size(); i++) {
                Interface f = r.interfaces().get(i);
                sb.append(i > 0 ? ",{" : "{");
                new Fields(sb).strAlways("name", f.name()).str("mac", f.mac()).str("sandbox", f.sandbox());
                sb.append('}');
            }
            sb.append(']');
        }
        if (!r.ips().isEmpty()) {
            sb.append(",\"ips\":[");
            for (int i = 0; i < r.ips().size(); i++) {
                IpConfig ip = r.ips().get(i);
                sb.append(i > 0 ? ",{" : "{");
                Fields o = new Fields(sb).strAlways("version", ip.version());
                ip.interfaceIndex().ifPresent(x -> o.numAlways("interface", x));
                o.strAlways("address", ip.address().toString());
                ip.gateway().ifPresent(g -> o.strAlways("gateway", GoIp.format(g)));
                sb.append('}');
            }
            sb.append(']');
        }
        if (!r.routes().isEmpty()) {
            sb.append(",\"routes\":");
            writeRoutes(sb, r.routes());
        }
        sb.append(",\"dns\":");
        writeDnsStructOrder(sb, r.dns().orElse(Dns.empty()));
        sb.append('}');
    }

    private static void writeLegacy(StringBuilder sb, Result r) {
        sb.append("{\"cniVersion\":");
        GoJson.appendString(sb, r.cniVersion().toString());
        for (String label : List.of("4", "6")) {
            for (IpConfig ip : r.ips()) {
                if (ip.version().equals(label)) {
                    sb.append(",\"ip").append(label).append("\":{");
                    Fields o = new Fields(sb).strAlways("ip", ip.address().toString());
                    ip.gateway().ifPresent(g -> o.strAlways("gateway", GoIp.format(g)));
                    List<Route> mine = r.routes().stream().filter(rt -> rt.dst().isIpv4() == label.equals("4"))
                            .toList();
                    if (!mine.isEmpty()) {
                        sb.append(",\"routes\":");
                        writeRoutes(sb, mine);
                    }
                    sb.append('}');
                }
            }
        }
        sb.append(",\"dns\":");
        writeDnsStructOrder(sb, r.dns().orElse(Dns.empty()));
        sb.append('}');
    }

    private static void writeRoutes(StringBuilder sb, List<Route> routes) {
        sb.append('[');
        for (int i = 0; i < routes.size(); i++) {
            Route rt = routes.get(i);
            sb.append(i > 0 ? ",{" : "{");
            Fields o = new Fields(sb).strAlways("dst", rt.dst().toString());
            rt.gw().ifPresent(g -> o.strAlways("gw", GoIp.format(g)));
            o.num("mtu", rt.mtu()).num("advmss", rt.advmss()).num("priority", rt.priority());
            rt.table().ifPresent(x -> o.numAlways("table", x));
            rt.scope().ifPresent(x -> o.numAlways("scope", x));
            sb.append('}');
        }
        sb.append(']');
    }

    private static void writeDnsStructOrder(StringBuilder sb, Dns d) {
        sb.append('{');
        new Fields(sb).list("nameservers", d.nameservers()).str("domain", d.domain().orElse(""))
                .list("search", d.search()).list("options", d.options());
        sb.append('}');
    }

    /** Appends the members of one object, writing commas between them and skipping Go's omitempty zeros. */
    private static final class Fields {
        private final StringBuilder sb;
        private boolean first = true;

        Fields(StringBuilder sb) {
            this.sb = sb;
        }

        private void key(String k) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            GoJson.appendString(sb, k);
            sb.append(':');
        }

        Fields strAlways(String k, String v) {
            key(k);
            GoJson.appendString(sb, v);
            return this;
        }

        Fields str(String k, String v) {
            return v.isEmpty() ? this : strAlways(k, v);
        }

        Fields numAlways(String k, int v) {
            key(k);
            GoJson.appendNumber(sb, v);
            return this;
        }

        Fields num(String k, int v) {
            return v == 0 ? this : numAlways(k, v);
        }

        Fields list(String k, List<String> v) {
            if (!v.isEmpty()) {
                key(k);
                sb.append('[');
                for (int i = 0; i < v.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    GoJson.appendString(sb, v.get(i));
                }
                sb.append(']');
            }
            return this;
        }
    }
}
