package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
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
import java.util.Set;

/**
 * Reads the declarations of the {@link DeclaredSpec} classes (their public abstract accessors and {@link Key}
 * rules) and derives from them the field table, the JSON decoding and the builder operations on raw keys. The
 * encoding and the rule checks are in {@link SpecRules}.
 */
final class SpecCodec {

    /** How a declared accessor holds its value. */
    enum Shape { OPTIONAL, LIST, MAP }

    /**
     * One declared key.
     *
     * @param key the JSON key, the accessor's name
     * @param accessor the abstract accessor
     * @param shape Optional, List or Map
     * @param element the element type (String, Boolean, Integer, Long or IpamSpec)
     * @param kind the JSON type the key must have
     * @param rules the declared rules, if any
     */
    record Attr(String key, Method accessor, Shape shape, Class<?> element, Fields.Kind kind, Optional<Key> rules) {
    }

    private static final ClassValue<List<Attr>> ATTRS = new ClassValue<>() {
        @Override
        protected List<Attr> computeValue(Class<?> type) {
            List<Attr> out = new ArrayList<>();
            for (Method m : type.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isAbstract(mod) && Modifier.isPublic(mod) && m.getParameterCount() == 0) {
                    out.add(attr(m));
                }
            }
            List<String> order = declarationOrder(type);
            out.sort(Comparator.comparingInt((Attr a) -> order.indexOf(a.key())).thenComparing(Attr::key));
            return List.copyOf(out);
        }
    };

    private SpecCodec() {
    }

    /**
     * The keys in source order: the generated class declares one field per attribute in that order, and the JVM
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
                    : e == IpamSpec.class ? Fields.Kind.OBJECT : Fields.Kind.INT;
            return new Attr(m.getName(), m, Shape.OPTIONAL, e, kind, rules);
        }
        if (raw == List.class && args[0] == String.class) {
            return new Attr(m.getName(), m, Shape.LIST, String.class, Fields.Kind.STRINGS, rules);
        }
        if (raw == Map.class && args[1] == String.class) {
            return new Attr(m.getName(), m, Shape.MAP, String.class, Fields.Kind.OBJECT, rules);
        }
        throw new IllegalStateException("unsupported declared key type " + t + " of " + m);
    }

    /** Sets every key of a tree on a builder (unchecked types fail at once, rules at build). */
    static <B> B fill(B builder, ObjectNode tree) {
        tree.fields().forEachRemaining(e -> set(builder, e.getKey(), e.getValue()));
        return builder;
    }

    static String json(JsonNode v) {
        return new String(GoJson.encode(v), StandardCharsets.UTF_8);
    }

    /** Reads a plugin config through a fresh builder of its class; unknown keys are kept. */
    static <T extends PluginSpec> T decode(PluginConfig config, SpecBuilder<?, T> builder) {
        String expected = pluginType(builder.getClass());
        if (!expected.equals(config.type())) {
            throw new IllegalArgumentException("expected a plugin of type \"" + expected + "\" but got \""
                    + config.type() + "\"");
        }
        ObjectNode tree = Fields.parseObject(config.bytes(), expected + " plugin config");
        try {
            return fill(builder, tree).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + expected + " plugin config: " + e.getMessage(),
                    expected + " plugin config");
        }
    }

    /** Sets one key from its JSON value: a declared key (checked for its JSON type), name, capabilities or extra. */
    static void set(Object builder, String key, JsonNode v) {
        Class<?> type = builder.getClass();
        if (key.equals("type")) {
            if (!v.isTextual() || !v.textValue().equals(pluginType(type))) {
                throw new IllegalArgumentException("type: expected \"" + pluginType(type) + "\" but got " + v);
            }
            return;
        }
        Optional<Attr> attr = attribute(type, key);
        if (v.isNull()) {
            map(builder, "extraJson").put(key, "null");
        } else if (key.equals("name")) {
            expect(key, Fields.Kind.STRING, v);
            call(builder, "name", Optional.class, Optional.of(v.textValue()));
        } else if (key.equals("capabilities")) {
            expect(key, Fields.Kind.OBJECT, v);
            Map<String, Boolean> caps = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> {
                if (!e.getValue().isBoolean()) {
                    throw new IllegalArgumentException("capabilities/" + e.getKey() + ": expected a boolean but got "
                            + e.getValue());
                }
                caps.put(e.getKey(), e.getValue().booleanValue());
            });
            call(builder, "capabilities", Map.class, caps);
        } else if (attr.isPresent()) {
            setDeclared(builder, attr.get(), v);
        } else {
            map(builder, "extraJson").put(key, json(v));
        }
    }

    private static void setDeclared(Object builder, Attr a, JsonNode v) {
        expect(a.key(), a.kind(), v);
        switch (a.shape()) {
            case LIST -> {
                List<String> items = new ArrayList<>();
                v.forEach(n -> items.add(n.textValue()));
                call(builder, a.key(), Iterable.class, items);
            }
            case MAP -> {
                Map<String, String> m = new LinkedHashMap<>();
                v.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException(a.key() + "/" + e.getKey() + ": expected a string but got "
                                + e.getValue());
                    }
                    m.put(e.getKey(), e.getValue().textValue());
                });
                call(builder, a.key(), Map.class, m);
            }
            case OPTIONAL -> {
                Optional<?> value = value(a, v);
                if (value.isEmpty()) {     // an IPAM type cni4j does not model: kept as it is
                    map(builder, "extraJson").put(a.key(), json(v));
                } else {
                    call(builder, a.key(), Optional.class, value);
                }
            }
            default -> throw new IllegalStateException(a.shape().name());
        }
    }

    private static Optional<?> value(Attr a, JsonNode v) {
        if (a.element() == String.class) {
            return Optional.of(a.kind() == Fields.Kind.STRING ? v.textValue() : json(v));
        }
        if (a.element() == Boolean.class) {
            return Optional.of(v.booleanValue());
        }
        if (a.element() == IpamSpec.class) {
            try {
                return Fields.ipamOf((ObjectNode) v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ipam/" + e.getMessage(), e);
            }
        }
        long n = v.asLong();
        if (a.element() == Integer.class && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(a.key() + ": " + v + " out of range for a 32-bit integer");
        }
        return Optional.of(a.element() == Integer.class ? (Object) (int) n : (Object) n);
    }

    private static void expect(String key, Fields.Kind kind, JsonNode v) {
        if (!kind.accepts(v)) {
            throw new IllegalArgumentException(key + ": expected " + kind.expected() + " but got " + v);
        }
    }

    /** {@link SpecBuilder#field}: the JSON value of any key, declared or not. */
    static void field(Object builder, String key, String json) {
        JsonNode v = Fields.parseValue(key, json);
        remove(builder, key);
        set(builder, key, v);
    }

    /** {@link SpecBuilder#remove}: unsets a declared key or drops a kept one. */
    static void remove(Object builder, String key) {
        map(builder, "extraJson").remove(key);
        Optional<Attr> attr = attribute(builder.getClass(), key);
        if (key.equals("name")) {
            call(builder, "name", Optional.class, Optional.empty());
        } else if (key.equals("capabilities")) {
            call(builder, "capabilities", Map.class, Map.of());
        } else if (attr.isPresent()) {
            switch (attr.get().shape()) {
                case LIST -> call(builder, key, Iterable.class, List.of());
                case MAP -> call(builder, key, Map.class, Map.of());
                default -> call(builder, key, Optional.class, Optional.empty());
            }
        }
    }

    /** {@link SpecBuilder#capability}: refuses a capability the plugin does not consume. */
    static void capability(Object builder, String capability, boolean enabled) {
        Set<String> supported = supported(builder.getClass());
        if (!supported.contains(capability)) {
            throw new IllegalArgumentException("capabilities: plugin " + pluginType(builder.getClass())
                    + " does not support capability \"" + capability + "\" (supported: " + supported + ")");
        }
        map(builder, "capabilities").put(capability, enabled);
    }

    /** The {@code CAPABILITIES} constant of a declared config class. */
    @SuppressWarnings("unchecked")
    static Set<String> supported(Class<?> type) {
        try {
            return (Set<String>) declaring(type).getField("CAPABILITIES").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends an element to a declared array key held as JSON text (the convenience adders of a builder). */
    static <B> B append(B builder, String key, JsonNode element) {
        Object current;
        try {
            Field f = builder.getClass().getSuperclass().getDeclaredField(key);
            f.setAccessible(true);
            current = f.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        JsonNode array = current == null ? Fields.MAPPER.createArrayNode() : Fields.parseValue(key, (String) current);
        if (!array.isArray()) {
            throw new IllegalArgumentException(key + ": expected an array but got " + current);
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) array).add(element);
        call(builder, key, Optional.class, Optional.of(json(array)));
        return builder;
    }

    /** A map the generated builder keeps an attribute's entries in, a field named like the attribute. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object builder, String name) {
        for (Class<?> c = builder.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return (Map<String, V>) f.get(builder);
            } catch (NoSuchFieldException e) {
                continue;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no map " + name + " in " + builder.getClass());
    }

    private static void call(Object builder, String method, Class<?> param, Object arg) {
        try {
            Method m = builder.getClass().getMethod(method, param);
            m.setAccessible(true);
            m.invoke(builder, arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
