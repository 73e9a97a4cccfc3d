package io.github.cni4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Converts between plain Java values (String, Number, Boolean, List, Map with String keys) and JSON trees, so that
 * capability arguments can be public as ordinary Java objects and reach the plugin as JSON.
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /**
     * {@return an unmodifiable deep copy of a plain value}
     * @throws IllegalArgumentException naming {@code where} for nulls and what JSON cannot hold
     */
    public static Object freeze(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": null is not allowed");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException(where + ": not a finite number: " + value);
            }
            return value;
        }
        if (value instanceof List<?> list) {
            Object[] out = new Object[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = freeze(list.get(i), where + "[" + i + "]");
            }
            return new FrozenList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where + ": map keys must be strings, got " + e.getKey());
                }
                out.put(key, freeze(e.getValue(), where + "." + key));
            }
            return new FrozenMap(out);
        }
        throw new IllegalArgumentException(where + ": expected String, Number, Boolean, List or Map, got "
                + value.getClass().getName());
    }

    /** {@return whether a value is a finite scalar or a list or map {@link #freeze} made (freezing is a no-op)} */
    public static boolean isFrozen(Object value) {
        if (value instanceof FrozenList || value instanceof FrozenMap || value instanceof String
                || value instanceof Boolean) {
            return true;
        }
        return value instanceof Number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(value instanceof Float f && (f.isNaN() || f.isInfinite()));
    }

    /** A list {@link #freeze} made: nobody else holds its array. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final Object[] items;

        FrozenList(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }

    /** A map {@link #freeze} made: nobody else holds its backing map. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        FrozenMap(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }
    }

    /** {@return the JSON tree of a frozen value} */
    public static JsonNode toTree(Object value) {
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger bi) {
            return NODES.numberNode(bi);
        }
        if (value instanceof BigDecimal bd) {
            return NODES.numberNode(bd);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof List<?> list) {
            ArrayNode arr = NODES.arrayNode();
            list.forEach(v -> arr.add(toTree(v)));
            return arr;
        }
        ObjectNode obj = NODES.objectNode();
        ((Map<?, ?>) value).forEach((k, v) -> obj.set((String) k, toTree(v)));
        return obj;
    }

    /**
     * {@return a JSON tree as plain unmodifiable Java values, or null for a JSON null} Numbers become Long when
     * integral, else Double; JSON nulls are skipped in objects and lists.
     */
    public static Object fromTree(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.canConvertToExactIntegral() && node.canConvertToLong() ? (Object) node.asLong()
                    : (Object) node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(v -> addIfPresent(out, fromTree(v)));
            return Collections.unmodifiableList(out);
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                Object v = fromTree(e.getValue());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            });
            return Collections.unmodifiableMap(out);
        }
        return null;
    }

    private static void addIfPresent(List<Object> out, Object v) {
        if (v != null) {
            out.add(v);
        }
    }
}
