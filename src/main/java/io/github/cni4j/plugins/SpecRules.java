package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.config.Cidr;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON object of a {@link DeclaredSpec} and the checks of its {@link Key} rules, from its declarations. */
final class SpecRules {

    private SpecRules() {
    }

    static Object get(DeclaredSpec<?> spec, SpecCodec.Attr a) {
        try {
            return a.accessor().invoke(spec);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tree: type, name, the declared keys that are set, capabilities (last, as nerdctl writes it), kept keys. */
    static ObjectNode encode(DeclaredSpec<?> spec) {
        ObjectNode tree = Fields.MAPPER.createObjectNode();
        tree.put("type", SpecCodec.pluginType(spec.getClass()));
        spec.name().ifPresent(n -> tree.put("name", n));
        for (SpecCodec.Attr a : SpecCodec.attributes(spec.getClass())) {
            Object value = get(spec, a);
            if (value instanceof Optional<?> o) {
                o.ifPresent(v -> put(tree, a.key(), a.kind(), v));
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
                l.forEach(v -> arr.add((String) v));
            } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
                ObjectNode o = tree.putObject(a.key());
                m.forEach((k, v) -> o.put((String) k, (String) v));
            }
        }
        if (!spec.capabilities().isEmpty()) {
            ObjectNode caps = tree.putObject("capabilities");
            spec.capabilities().forEach(caps::put);
        }
        spec.extraJson().forEach((k, v) -> {
            if (!tree.has(k) && !converted(spec, k)) {     // a typed value set after reading wins over the kept one
                tree.set(k, Fields.parseValue(k, v));
            }
        });
        return tree;
    }

    /** A list of modeled values, kept also as read when its elements carry keys cni4j does not model. */
    private static boolean converted(DeclaredSpec<?> spec, String key) {
        return SpecCodec.attribute(spec.getClass(), key).flatMap(SpecCodec.Attr::codec).isPresent();
    }

    private static void put(ObjectNode tree, String key, Fields.Kind kind, Object v) {
        if (v instanceof String s && kind != Fields.Kind.STRING) {
            tree.set(key, Fields.parseValue(key, s));
        } else if (v instanceof String s) {
            tree.put(key, s);
        } else if (v instanceof Boolean b) {
            tree.put(key, b);
        } else if (v instanceof Integer i) {
            tree.put(key, i);
        } else if (v instanceof Long l) {
            tree.put(key, l);
        } else {
            tree.set(key, Fields.parseValue(key, ((PluginSpec) v).toJson()));   // sorted, as nerdctl writes it
        }
    }

    /** Checks the {@link Key} rules of every declared key that is set. */
    static void check(DeclaredSpec<?> spec) {
        spec.extraJson().forEach((k, v) -> {
            Optional<SpecCodec.Attr> attr = SpecCodec.attribute(spec.getClass(), k);
            boolean declared = attr.isPresent() && attr.get().element() != PluginSpec.class  // unmodeled IPAM: kept
                    && attr.get().codec().isEmpty() || List.of("type", "name", "capabilities").contains(k);
            if (declared && !Fields.parseValue(k, v).isNull()) {
                throw new IllegalArgumentException(k + ": a declared key; set it with its setter or field()");
            }
            Fields.parseValue(k, v);
        });
        for (SpecCodec.Attr a : SpecCodec.attributes(spec.getClass())) {
            if (a.element() == PluginSpec.class && get(spec, a) instanceof Optional<?> o && o.isPresent()
                    && !SpecCodec.isIpam(o.get().getClass())) {
                throw new IllegalArgumentException(a.key() + ": " + ((PluginSpec) o.get()).type()
                        + " is not an IPAM plugin (expected host-local, static or dhcp)");
            }
            if (a.rules().isPresent() && get(spec, a) instanceof Optional<?> o && o.isPresent()) {
                checkValue(a.key(), a.rules().get(), o.get());
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
            if (rules.ip()) {
                Cidr.ip(key, s);
            }
            if (rules.cidr()) {
                Cidr.parse(key, s);
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
