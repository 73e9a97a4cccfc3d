package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON object of a {@link DeclaredSpec} and the checks of its {@link Key} rules, from its declarations. */
final class SpecRules {

    private SpecRules() {
    }

    /** The tree: type, name, the declared keys that are set, capabilities (last, as nerdctl writes it), kept keys. */
    static ObjectNode encode(DeclaredSpec<?> spec) {
        ObjectNode tree = Fields.MAPPER.createObjectNode();
        tree.put("type", SpecCodec.pluginType(spec.getClass()));
        for (SpecCodec.Attr a : SpecCodec.keys(spec.getClass())) {
            Object value = a.get(spec);
            if (value instanceof Optional<?> o) {
                o.ifPresent(v -> tree.set(a.key(), v instanceof PluginSpec p ? Fields.parseValue(a.key(), p.toJson())
                        : v instanceof String s && a.kind() != Fields.Kind.STRING ? Fields.parseValue(a.key(), s)
                        : node(tree, v)));       // an IPAM sorted, as nerdctl writes it
            } else if (a.codec().isPresent()) {
                List<?> l = (List<?>) value;
                Optional<JsonNode> read = Optional.ofNullable(spec.extraJson().get(a.key()))
                        .map(raw -> Fields.parseValue(a.key(), raw));
                if (read.isPresent() && a.codec().get().readAll(read.get(), a.key()).equals(l)) {
                    tree.set(a.key(), read.get());       // as read, with the keys cni4j does not model
                } else if (!l.isEmpty()) {
                    tree.set(a.key(), a.codec().get().writeAll(l));
                }
            } else if (value instanceof List<?> l && !l.isEmpty()) {
                ArrayNode arr = tree.putArray(a.key());
                l.forEach(x -> arr.add((String) x));
            } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
                ObjectNode o = tree.putObject(a.key());
                m.forEach((k, x) -> o.set((String) k, node(o, x)));
            }
        }
        spec.extraJson().forEach((k, v) -> {
            // a typed value set after reading wins over the kept one; a list of modeled values is kept also as read
            if (!tree.has(k) && SpecCodec.attribute(spec.getClass(), k).flatMap(SpecCodec.Attr::codec).isEmpty()) {
                tree.set(k, Fields.parseValue(k, v));
            }
        });
        return tree;
    }

    private static JsonNode node(ObjectNode tree, Object v) {
        return v instanceof Boolean b ? tree.booleanNode(b) : v instanceof Integer i ? tree.numberNode(i)
                : v instanceof Long l ? tree.numberNode(l) : tree.textNode((String) v);
    }

    /** Checks the {@link Key} rules of every declared key that is set. */
    static void check(DeclaredSpec<?> spec) {
        spec.extraJson().forEach((k, v) -> {
            Optional<SpecCodec.Attr> attr = SpecCodec.attribute(spec.getClass(), k);
            boolean declared = attr.isPresent() && attr.get().element() != PluginSpec.class  // unmodeled IPAM: kept
                    && attr.get().codec().isEmpty() || k.equals("type");
            if (!Fields.parseValue(k, v).isNull() && declared) {
                throw new IllegalArgumentException(k + ": a declared key; set it with its setter or field()");
            }
        });
        for (SpecCodec.Attr a : SpecCodec.attributes(spec.getClass())) {
            if (a.get(spec) instanceof Optional<?> o && o.isPresent()) {
                if (o.get() instanceof PluginSpec p && !SpecCodec.isIpam(p.getClass())) {
                    throw new IllegalArgumentException(a.key() + ": " + p.type()
                            + " is not an IPAM plugin (expected host-local, static or dhcp)");
                }
                a.rules().ifPresent(rules -> checkValue(a.key(), rules, o.get()));
            }
        }
    }

    /** The MTU rule of the plugins (and of {@link NetworkSpec}): 0 for the default, or 68-65535. */
    static void mtu(String key, long x) {
        if (x != 0 && (x < 68 || x > 65535)) {
            throw new IllegalArgumentException(key + ": MTU " + x + " out of range (0 or 68-65535)");
        }
    }

    private static void checkValue(String key, Key rules, Object v) {
        if (v instanceof String s && rules.json() != Fields.Kind.STRING) {
            if (!rules.json().accepts(Fields.parseValue(key, s))) {
                throw new IllegalArgumentException(key + ": expected " + rules.json().expected() + " but got " + s);
            }
        } else if (v instanceof String s) {
            if (rules.ifName()) {
                Fields.ifName(key, s);
            }
            if (rules.oneOf().length > 0 && !List.of(rules.oneOf()).contains(s)) {
                throw new IllegalArgumentException(key + ": unknown value \"" + s + "\" (expected one of "
                        + String.join(", ", rules.oneOf()) + ")");
            }
        } else if (v instanceof Number n) {
            long x = n.longValue();
            if (rules.mtu()) {
                mtu(key, x);
            }
            if (x < rules.min() || x > rules.max()) {
                throw new IllegalArgumentException(key + ": " + x + " out of range (" + rules.min() + "-"
                        + rules.max() + ")");
            }
        }
    }
}
