package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.IpRange;
import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.result.Route;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the declarations of the {@link DeclaredSpec} classes (their public abstract accessors and {@link Key}
 * rules) and derives from them the field table. The JSON decoding and the builder operations on raw keys are in
 * {@link SpecDecoder}, the encoding and the rule checks in {@link SpecRules}.
 */
final class SpecCodec {

    /** How a declared accessor holds its value. */
    enum Shape { OPTIONAL, LIST, MAP }

    /** One declared key.
     * @param key the JSON key, the accessor's name
     * @param accessor the abstract accessor
     * @param shape Optional, List or Map
     * @param element the element type (String, Boolean, Integer, Long or PluginSpec for ipam; List for a list of lists)
     * @param kind the JSON type the key must have
     * @param rules the declared rules, if any
     * @param codec for a list of objects: how one element maps to JSON */
    record Attr(String key, Method accessor, Shape shape, Class<?> element, Fields.Kind kind, Optional<Key> rules,
                Optional<ElementCodec> codec) {
    }

    /** One JSON element of a declared list of values cni4j models: read with its path for messages, and written. */
    interface ElementCodec {
        Object read(JsonNode v, String where);

        JsonNode write(Object v);

        default List<Object> readAll(JsonNode array, String key) {
            List<Object> out = new ArrayList<>();
            array.forEach(n -> out.add(read(n, key + "/" + out.size())));
            return out;
        }

        default ArrayNode writeAll(List<?> values) {
            ArrayNode a = Fields.MAPPER.createArrayNode();
            values.forEach(v -> a.add(write(v)));
            return a;
        }
    }

    /** The element types declared lists may hold besides strings, by their generic type name. */
    private static final Map<String, ElementCodec> CODECS = Map.of(
            Route.class.getName(), new ElementCodec() {
                @Override
                public Object read(JsonNode r, String where) {
                    String dst = r.path("dst").asText();
                    return Fields.str(r, "gw").map(gw -> Route.of(dst, gw)).orElseGet(() -> Route.of(dst));
                }

                @Override
                public JsonNode write(Object v) {
                    Route r = (Route) v;
                    ObjectNode n = Fields.MAPPER.createObjectNode().put("dst", r.dst().toString());
                    r.gw().ifPresent(gw -> n.put("gw", GoIp.format(gw)));
                    return n;
                }
            },
            "java.util.List<" + IpRange.class.getName() + ">", new ElementCodec() {
                @Override
                public Object read(JsonNode set, String where) {
                    if (!set.isArray()) {
                        throw new IllegalArgumentException(where + ": expected a non-empty array of ranges");
                    }
                    return List.copyOf(RANGE.readAll(set, where));
                }

                @Override
                public JsonNode write(Object v) {
                    return RANGE.writeAll((List<?>) v);
                }
            },
            StaticIpam.Address.class.getName(), new ElementCodec() {
                @Override
                public Object read(JsonNode a, String where) {
                    if (!a.path("address").isTextual()) {
                        throw new IllegalArgumentException(where + "/address: expected a CIDR string");
                    }
                    return new StaticIpam.Address(a.get("address").textValue(), Fields.str(a, "gateway"));
                }

                @Override
                public JsonNode write(Object v) {
                    StaticIpam.Address a = (StaticIpam.Address) v;
                    ObjectNode n = Fields.MAPPER.createObjectNode().put("address", a.address());
                    a.gateway().ifPresent(g -> n.put("gateway", g));
                    return n;
                }
            });

    private static final ElementCodec RANGE = new ElementCodec() {
        @Override
        public Object read(JsonNode r, String where) {
            if (!r.isObject() || !r.path("subnet").isTextual()) {
                throw new IllegalArgumentException(where + "/subnet: expected a CIDR string");
            }
            try {
                IpRange range = IpRange.of(r.get("subnet").textValue());
                range = Fields.str(r, "rangeStart").map(range::withRangeStart).orElse(range);
                range = Fields.str(r, "rangeEnd").map(range::withRangeEnd).orElse(range);
                return Fields.str(r, "gateway").map(range::withGateway).orElse(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "/" + e.getMessage(), e);
            }
        }

        @Override
        public JsonNode write(Object v) {
            IpRange r = (IpRange) v;
            ObjectNode n = Fields.MAPPER.createObjectNode().put("subnet", r.subnet());
            r.rangeStart().ifPresent(x -> n.put("rangeStart", x));
            r.rangeEnd().ifPresent(x -> n.put("rangeEnd", x));
            r.gateway().ifPresent(x -> n.put("gateway", x));
            return n;
        }
    };

    private static final ClassValue<List<Attr>> ATTRS = new ClassValue<>() {
        @Override
        protected List<Attr> computeValue(Class<?> type) {
            List<Attr> out = new ArrayList<>();
            List<String> order = declarationOrder(type);
            List<Class<?>> declaring = new ArrayList<>(List.of(type));
            for (int i = 0; i < declaring.size(); i++) {      // the class, then the CommonKeys it implements
                for (Class<?> k : declaring.get(i).getInterfaces()) {
                    if (k.getEnclosingClass() == CommonKeys.class && !declaring.contains(k)) {
                        declaring.add(k);
                    }
                }
            }
            for (Class<?> c : declaring) {       // the class's own keys first, each group in source order
                List<Attr> group = new ArrayList<>();
                for (Method m : c.getDeclaredMethods()) {
                    int mod = m.getModifiers();
                    if (Modifier.isAbstract(mod) && Modifier.isPublic(mod) && m.getParameterCount() == 0) {
                        group.add(attr(m));
                    }
                }
                group.sort(Comparator.comparingInt((Attr a) -> order.indexOf(a.key())).thenComparing(Attr::key));
                out.addAll(group);
            }
            return List.copyOf(out);
        }
    };

    private SpecCodec() {
    }

    /**
     * The keys in source order (those of the implemented {@link CommonKeys} first): the generated class declares one field per attribute in that order, and the JVM
     * reports a class's fields in class-file order (the JSON a conflist writes keeps insertion order, so this is
     * what makes, e.g., nerdctl's key order come out).
     */
    private static List<String> declarationOrder(Class<?> type) {
        List<String> names = new ArrayList<>();
        try {
            for (Field f : Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName())
                    .getDeclaredFields()) {
                names.add(f.getName());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for " + type, e);
        }
        return names;
    }

    /** The declaring class of a config or builder class: the one carrying {@link PluginType}. */
    static Class<?> declaring(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(PluginType.class)) {
                return c;
            }
            Class<?> outer = c.getEnclosingClass();
            if (outer != null && outer.isAnnotationPresent(PluginType.class)) {
                return outer;
            }
        }
        throw new IllegalStateException(type + " is not a declared plugin config");
    }

    /** A fresh nested {@code Builder} of a config's class (its constructor is package-private, like this class). */
    @SuppressWarnings("unchecked")
    static <B extends SpecBuilder<B, ?>> B newBuilder(DeclaredSpec<B> spec) {
        return (B) newBuilder(spec.getClass());
    }

    static SpecBuilder<?, ?> newBuilder(Class<?> type) {
        try {
            return (SpecBuilder<?, ?>) BUILDERS.get(declaring(type)).newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a builder of " + type, e);
        }
    }

    /** The declared config class of a plugin type, when cni4j models it. */
    static Optional<Class<?>> declared(String pluginType) {
        return Optional.ofNullable(BY_TYPE.get(pluginType));
    }

    static boolean isIpam(Class<?> type) {
        return declaring(type).getAnnotation(PluginType.class).ipam();
    }

    private static final Map<String, Class<?>> BY_TYPE = byType();

    private static Map<String, Class<?>> byType() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> b : SpecBuilder.class.getPermittedSubclasses()) {
            m.put(pluginType(b), declaring(b));
        }
        return Map.copyOf(m);
    }

    private static final ClassValue<Constructor<?>> BUILDERS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            for (Class<?> c : type.getDeclaredClasses()) {
                if (c.getSimpleName().equals("Builder")) {
                    try {
                        return c.getDeclaredConstructor();
                    } catch (NoSuchMethodException e) {
                        break;
                    }
                }
            }
            throw new IllegalStateException(type + " has no nested Builder()");
        }
    };

    static String pluginType(Class<?> type) {
        return declaring(type).getAnnotation(PluginType.class).value();
    }

    /** The declared keys of a config class, in source order. */
    static List<Attr> attributes(Class<?> type) {
        return ATTRS.get(declaring(type));
    }

    static Optional<Attr> attribute(Class<?> type, String key) {
        return attributes(type).stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * The field table of a declared config: every key with its JSON type, {@code type}, {@code name} and
     * {@code capabilities} included.
     *
     * @param type the config class
     * @return key to JSON type
     */
    static Map<String, Fields.Kind> kinds(Class<?> type) {
        Map<String, Fields.Kind> m = new LinkedHashMap<>();
        m.put("type", Fields.Kind.STRING);
        m.put("name", Fields.Kind.STRING);
        m.put("capabilities", Fields.Kind.OBJECT);
        attributes(type).forEach(a -> m.put(a.key(), a.kind()));
        return Map.copyOf(m);
    }

    private static Attr attr(Method m) {
        Type t = m.getGenericReturnType();
        Class<?> raw = m.getReturnType();
        Optional<Key> rules = Optional.ofNullable(m.getAnnotation(Key.class));
        Type[] args = t instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class) {
            Class<?> e = (Class<?>) args[0];
            Fields.Kind kind = e == String.class ? rules.map(Key::json).orElse(Fields.Kind.STRING)
                    : e == Boolean.class ? Fields.Kind.BOOL
                    : e == PluginSpec.class ? Fields.Kind.OBJECT : Fields.Kind.INT;
            return new Attr(m.getName(), m, Shape.OPTIONAL, e, kind, rules, Optional.empty());
        }
        if (raw == List.class && args[0] == String.class) {
            return new Attr(m.getName(), m, Shape.LIST, String.class, Fields.Kind.STRINGS, rules, Optional.empty());
        }
        if (raw == List.class && CODECS.containsKey(args[0].getTypeName())) {
            return new Attr(m.getName(), m, Shape.LIST, Object.class, Fields.Kind.ARRAY, rules,
                    Optional.of(CODECS.get(args[0].getTypeName())));
        }
        if (raw == Map.class && args[1] == String.class) {
            return new Attr(m.getName(), m, Shape.MAP, String.class, Fields.Kind.OBJECT, rules, Optional.empty());
        }
        throw new IllegalStateException("unsupported declared key type " + t + " of " + m);
    }

    static String json(JsonNode v) {
        return new String(GoJson.encode(v), StandardCharsets.UTF_8);
    }

}
