package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.error.ConfigException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON into a declared config's generated builder, by its declarations ({@link SpecCodec}): reading a config, and
 * the builder operations on raw keys ({@link SpecBuilder#field}, {@link SpecBuilder#remove},
 * {@link SpecBuilder#capability}). The generated builder is driven through its public setters, and its map and
 * array attributes are read through its fields, which carry the attributes' names.
 */
final class SpecDecoder {

    private SpecDecoder() {
    }

    /** Sets every key of a tree on a builder (unchecked types fail at once, rules at build). */
    static <B> B fill(B builder, ObjectNode tree) {
        tree.fields().forEachRemaining(e -> set(builder, e.getKey(), e.getValue()));
        return builder;
    }


    /** Reads a plugin config through a fresh builder of its class ({@link PluginSpec#from}); unknown keys kept. */
    static <T extends PluginSpec> T decode(PluginConfig config, Class<T> type) {
        Class<?> declared = type == PluginSpec.class ? SpecCodec.declared(config.type()).orElseThrow(() ->
                new IllegalArgumentException("no typed config for plugin type \"" + config.type() + "\"")) : type;
        SpecBuilder<?, ?> builder = SpecCodec.newBuilder(declared);
        String expected = SpecCodec.pluginType(declared);
        if (!expected.equals(config.type())) {
            throw new IllegalArgumentException("expected a plugin of type \"" + expected + "\" but got \""
                    + config.type() + "\"");
        }
        ObjectNode tree = Fields.parseObject(config.bytes(), expected + " plugin config");
        try {
            return type.cast(fill(builder, tree).build());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + expected + " plugin config: " + e.getMessage(),
                    expected + " plugin config");
        }
    }

    /** Sets one key from its JSON value: a declared key (checked for its JSON type), name, capabilities or extra. */
    static void set(Object builder, String key, JsonNode v) {
        Class<?> type = builder.getClass();
        if (key.equals("type")) {
            if (!v.isTextual() || !v.textValue().equals(SpecCodec.pluginType(type))) {
                throw new IllegalArgumentException("type: expected \"" + SpecCodec.pluginType(type) + "\" but got "
                        + v);
            }
            return;
        }
        Optional<SpecCodec.Attr> attr = SpecCodec.attribute(type, key);
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
            map(builder, "extraJson").put(key, SpecCodec.json(v));
        }
    }

    private static void setDeclared(Object builder, SpecCodec.Attr a, JsonNode v) {
        expect(a.key(), a.kind(), v);
        switch (a.shape()) {
            case LIST -> {
                if (a.codec().isPresent()) {
                    List<Object> items = a.codec().get().readAll(v, a.key());
                    call(builder, a.key(), Iterable.class, items);
                    if (!a.codec().get().writeAll(items).equals(v)) {     // keys inside elements cni4j does not model
                        map(builder, "extraJson").put(a.key(), SpecCodec.json(v));
                    }
                    return;
                }
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
                    map(builder, "extraJson").put(a.key(), SpecCodec.json(v));
                } else {
                    call(builder, a.key(), Optional.class, value);
                }
            }
            default -> throw new IllegalStateException(a.shape().name());
        }
    }

    private static Optional<?> value(SpecCodec.Attr a, JsonNode v) {
        if (a.element() == String.class) {
            return Optional.of(a.kind() == Fields.Kind.STRING ? v.textValue() : SpecCodec.json(v));
        }
        if (a.element() == Boolean.class) {
            return Optional.of(v.booleanValue());
        }
        if (a.element() == PluginSpec.class) {
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
        Optional<SpecCodec.Attr> attr = SpecCodec.attribute(builder.getClass(), key);
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
            throw new IllegalArgumentException("capabilities: plugin " + SpecCodec.pluginType(builder.getClass())
                    + " does not support capability \"" + capability + "\" (supported: " + supported + ")");
        }
        map(builder, "capabilities").put(capability, enabled);
    }

    /** The capabilities a declared config class names in its {@link PluginType}. */
    static Set<String> supported(Class<?> type) {
        return Set.of(SpecCodec.declaring(type).getAnnotation(PluginType.class).capabilities());
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
        ((ArrayNode) array).add(element);
        call(builder, key, Optional.class, Optional.of(SpecCodec.json(array)));
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
