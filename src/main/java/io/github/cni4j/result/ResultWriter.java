package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.TextBuffers;
import io.github.cni4j.version.CniVersion;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes results byte for byte as libcni marshals them. Every object is written in Go's struct field order with
 * its {@code omitempty} rules; 1.x results come out with keys sorted instead, which is also the cache file's form.
 * 1.x drops an empty {@code dns}, older versions always write it.
 */
final class ResultWriter {

    private ResultWriter() {
    }

    /** Writes {@code r} in its version's shape. */
    static byte[] write(Result r) {
        return TextBuffers.write(sb -> write(sb, r));
    }

    private static void write(StringBuilder sb, Result r) {
        boolean v1 = r.cniVersion().isAtLeast(CniVersion.V1_0_0);
        Obj o = new Obj(sb, v1).str("cniVersion", r.cniVersion().toString());
        if (r.cniVersion().isAtLeast(CniVersion.V0_3_0)) {
            o.list("interfaces", r.interfaces(), (x, f) -> x.str("name", f.name()).opt("mac", f.mac())
                    .nz("mtu", f.mtu()).opt("sandbox", f.sandbox()).opt("socketPath", f.socketPath())
                    .opt("pciID", f.pciId()));
            o.list("ips", r.ips(), (x, ip) -> {
                if (!v1) {
                    x.str("version", ip.version());
                }
                ip.interfaceIndex().ifPresent(i -> x.num("interface", i));
                x.str("address", ip.address().toString());
                ip.gateway().ifPresent(g -> x.str("gateway", GoIp.format(g)));
            });
            o.list("routes", r.routes(), ResultWriter::route);
        } else {
            for (String label : List.of("4", "6")) {
                r.ips().stream().filter(ip -> ip.version().equals(label)).forEach(ip -> o.obj("ip" + label, x -> {
                    x.str("ip", ip.address().toString());
                    ip.gateway().ifPresent(g -> x.str("gateway", GoIp.format(g)));
                    x.list("routes", r.routes().stream().filter(rt -> rt.dst().isIpv4() == label.equals("4"))
                            .toList(), ResultWriter::route);
                }));
            }
        }
        Optional<Dns> dns = v1 ? r.dns() : Optional.of(r.dns().orElse(Dns.empty()));
        dns.ifPresent(d -> o.obj("dns", x -> x.strings("nameservers", d.nameservers())
                .opt("domain", d.domain().orElse("")).strings("search", d.search()).strings("options", d.options())));
        o.close();
    }

    private static void route(Obj x, Route rt) {
        x.str("dst", rt.dst().toString());
        rt.gw().ifPresent(g -> x.str("gw", GoIp.format(g)));
        x.nz("mtu", rt.mtu()).nz("advmss", rt.advmss()).nz("priority", rt.priority());
        rt.table().ifPresent(t -> x.num("table", t));
        rt.scope().ifPresent(s -> x.num("scope", s));
    }

    /**
     * One JSON object: members appended in call order, or, when sorted, buffered and written by key at
     * {@link #close()}. {@code opt}/{@code nz} skip Go's omitempty zeros.
     */
    private static final class Obj {
        private final StringBuilder out;
        private final boolean sorted;
        /** Sorted mode: member values in {@code buf}, {@code keys[i]}'s value ending at {@code ends[i]}. */
        private final StringBuilder buf;
        private final String[] keys;
        private final int[] ends;
        private int n;

        Obj(StringBuilder out, boolean sorted) {
            this.out = out.append('{');
            this.sorted = sorted;
            this.buf = sorted ? new StringBuilder(64) : out;
            this.keys = sorted ? new String[8] : null;
            this.ends = sorted ? new int[8] : null;
        }

        private Obj member(String key, Consumer<StringBuilder> value) {
            if (!sorted) {
                GoJson.appendString(n++ > 0 ? out.append(',') : out, key);
                value.accept(out.append(':'));
                return this;
            }
            value.accept(buf);
            keys[n] = key;
            ends[n++] = buf.length();
            return this;
        }

        Obj str(String k, String v) {
            return member(k, b -> GoJson.appendString(b, v));
        }

        Obj opt(String k, String v) {
            return v.isEmpty() ? this : str(k, v);
        }

        Obj num(String k, int v) {
            return member(k, b -> GoJson.appendNumber(b, v));
        }

        Obj nz(String k, int v) {
            return v == 0 ? this : num(k, v);
        }

        Obj strings(String k, List<String> v) {
            return v.isEmpty() ? this : member(k, b -> {
                b.append('[');
                for (int i = 0; i < v.size(); i++) {
                    GoJson.appendString(i > 0 ? b.append(',') : b, v.get(i));
                }
                b.append(']');
            });
        }

        Obj obj(String k, Consumer<Obj> body) {
            return member(k, b -> {
                Obj x = new Obj(b, sorted);
                body.accept(x);
                x.close();
            });
        }

        <T> Obj list(String k, List<T> items, BiConsumer<Obj, T> body) {
            return items.isEmpty() ? this : member(k, b -> {
                b.append('[');
                for (int i = 0; i < items.size(); i++) {
                    Obj x = new Obj(i > 0 ? b.append(',') : b, sorted);
                    body.accept(x, items.get(i));
                    x.close();
                }
                b.append(']');
            });
        }

        void close() {
            for (int done = 0; sorted && done < n; done++) {
                int min = -1;
                for (int i = 0; i < n; i++) {
                    if (keys[i] != null && (min < 0 || GoJson.KEY_ORDER.compare(keys[i], keys[min]) < 0)) {
                        min = i;
                    }
                }
                GoJson.appendString(done > 0 ? out.append(',') : out, keys[min]);
                out.append(':').append(buf, min == 0 ? 0 : ends[min - 1], ends[min]);
                keys[min] = null;
            }
            out.append('}');
        }
    }
}
