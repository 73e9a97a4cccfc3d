package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.error.ConfigException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON into a declared config's generated builder, by its key table ({@link SpecCodec}): reading a config, and the
 * builder operations on raw keys ({@link SpecBuilder#field}, {@link SpecBuilder#remove},
 * {@link SpecBuilder#capability}). The generated builder is driven through its setters; the entries it holds for
 * {@code extraJson} and {@code capabilities} and the JSON text of a key are read from its fields, which carry the
 * attributes' names.
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

    /** Sets one key from its JSON value: a key of the table (checked for its JSON type), or one kept as JSON text. */
    static void set(Object builder, String key, JsonNode v) {
        if (key.equals("type")) {
            String type = SpecCodec.pluginType(builder.getClass());
            if (!v.isTextual() || !v.textValue().equals(type)) {
                throw new IllegalArgumentException("type: expected \"" + type + "\" but got " + v);
            }
            return;
        }
        Optional<SpecCodec.Attr> attr = SpecCodec.attribute(builder.getClass(), key);
        Object value = null;
        if (attr.isPresent() && !v.isNull()) {
            SpecCodec.Attr a = attr.get();
            if (!a.kind().accepts(v)) {
                throw new IllegalArgumentException(key + ": expected " + a.kind().expected() + " but got " + v);
            }
            value = read(a, v);
            if (value != null) {
                a.set(builder, value);
            }
            if (a.codec().isPresent() && a.codec().get().writeAll((List<?>) value).equals(v)) {
                return;       // else it has keys inside elements cni4j does not model, kept as read as well
            }
        }
        if (value == null || attr.get().codec().isPresent()) {
            extra(builder).put(key, v.isNull() ? "null" : Fields.json(v));
        }
    }

    /** The typed value of a key whose JSON type is checked; null for an IPAM type cni4j does not model. */
    private static Object read(SpecCodec.Attr a, JsonNode v) {
        switch (a.shape()) {
            case LIST -> {
                if (a.codec().isPresent()) {
                    return a.codec().get().readAll(v, a.key());
                }
                List<String> items = new ArrayList<>();
                v.forEach(n -> items.add(n.textValue()));
                return items;
            }
            case MAP -> {
                Fields.Kind kind = a.element() == Boolean.class ? Fields.Kind.BOOL : Fields.Kind.STRING;
                Map<String, Object> m = new LinkedHashMap<>();
                v.fields().forEachRemaining(e -> {
                    if (!kind.accepts(e.getValue())) {
                        throw new IllegalArgumentException(a.key() + "/" + e.getKey() + ": expected "
                                + kind.expected() + " but got " + e.getValue());
                    }
                    m.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().textValue());
                });
                return m;
            }
            default -> {
                return value(a, v);
            }
        }
    }

    private static Object value(SpecCodec.Attr a, JsonNode v) {
        if (a.element() == String.class) {
            return Optional.of(a.kind() == Fields.Kind.STRING ? v.textValue() : Fields.json(v));
        }
        if (a.element() == Boolean.class) {
            return Optional.of(v.booleanValue());
        }
        if (a.element() == PluginSpec.class) {
            try {
                return SpecCodec.declared(v.path("type").asText()).filter(SpecCodec::isIpam)
                        .map(c -> Optional.of(fill(SpecCodec.newBuilder(c), (ObjectNode) v).build())).orElse(null);
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

    /** {@link SpecBuilder#field}: the JSON value of any key, declared or not. */
    static void field(Object builder, String key, String json) {
        JsonNode v = Fields.parseValue(key, json);
        remove(builder, key);
        set(builder, key, v);
    }

    /** {@link SpecBuilder#remove}: unsets a declared key or drops a kept one. */
    static void remove(Object builder, String key) {
        extra(builder).remove(key);
        SpecCodec.attribute(builder.getClass(), key).ifPresent(a -> a.set(builder, a.empty()));
    }

    /** {@link SpecBuilder#capability}: refuses a capability the plugin does not consume. */
    static void capability(Object builder, String capability, boolean enabled) {
        Set<String> supported = SpecCodec.supported(builder.getClass());
        if (!supported.contains(capability)) {
            throw new IllegalArgumentException("capabilities: plugin " + SpecCodec.pluginType(builder.getClass())
                    + " does not support capability \"" + capability + "\" (supported: " + supported + ")");
        }
        SpecDecoder.<Map<String, Boolean>>builderField(builder, "capabilities").put(capability, enabled);
    }

    /** Appends an element to a declared array key held as JSON text (the convenience adders of a builder). */
    static <B> B append(B builder, String key, JsonNode element) {
        String current = builderField(builder, key);
        JsonNode array = current == null ? Fields.MAPPER.createArrayNode() : Fields.parseValue(key, current);
        if (!array.isArray()) {
            throw new IllegalArgumentException(key + ": expected an array but got " + current);
        }
        ((ArrayNode) array).add(element);
        SpecCodec.attribute(builder.getClass(), key).orElseThrow().set(builder, Optional.of(Fields.json(array)));
        return builder;
    }

    private static Map<String, String> extra(Object builder) {
        return builderField(builder, "extraJson");
    }

    /** A field of the generated builder (the superclass of every nested {@code Builder}), named like its attribute. */
    @SuppressWarnings("unchecked")
    private static <V> V builderField(Object builder, String name) {
        try {
            Field f = builder.getClass().getSuperclass().getDeclaredField(name);
            f.setAccessible(true);
            return (V) f.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no field " + name + " in the builder " + builder.getClass(), e);
        }
    }
}
