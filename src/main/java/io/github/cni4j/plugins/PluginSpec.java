package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed, validated configuration object of one reference CNI plugin: one entry of a conflist's {@code plugins}.
 *
 * <p>Each subtype knows the keys its plugin reads, with the plugin's own names and JSON types, and keeps every other
 * key unchanged (so {@code from(config).toPluginConfig()} loses nothing). {@link #toBytes()} is the Go-canonical
 * encoding (sorted keys, compact), the same bytes libcni derives for a plugin entry.
 *
 * <pre>{@code
 * PluginSpec portmap = Portmap.builder().snat(true).build();
 * portmap.type();                    // "portmap"
 * portmap.capabilities();            // {portMappings=true}
 * portmap.toJson();                  // {"capabilities":{"portMappings":true},"snat":true,"type":"portmap"}
 * PluginConfig pc = portmap.toPluginConfig();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract sealed class PluginSpec
        permits HostLocal, StaticIpam, DeclaredSpec {

    /** The JSON object: set at construction (tree-backed configs) or encoded on first use (declared ones). */
    private volatile ObjectNode tree;
    private volatile byte[] bytes;

    PluginSpec(ObjectNode tree) {
        this.tree = tree.deepCopy();
        this.bytes = GoJson.encode(this.tree);
    }

    /** For {@link DeclaredSpec}: the tree is encoded from the declared attributes on first use. */
    PluginSpec() {
    }

    /** The JSON object of this config; callers must not change it. */
    final ObjectNode tree() {
        ObjectNode t = tree;
        if (t == null) {
            t = SpecRules.encode((DeclaredSpec) this);
            bytes = GoJson.encode(t);
            tree = t;
        }
        return t;
    }

    private byte[] bytes() {
        tree();
        return bytes;
    }

    /**
     * The plugin binary name, the {@code type} key.
     *
     * @return e.g. {@code "bridge"}
     */
    public final String type() {
        return tree().path("type").asText();
    }

    /**
     * The plugin object's own {@code name} key, which few configs set.
     *
     * @return the name, or empty
     */
    public Optional<String> name() {
        return Fields.str(tree(), "name");
    }

    /**
     * The {@code capabilities} this config enables or disables.
     *
     * @return capability name to flag, in file order; empty when the key is absent
     */
    public Map<String, Boolean> capabilities() {
        Map<String, Boolean> caps = new LinkedHashMap<>();
        tree().path("capabilities").fields().forEachRemaining(e -> caps.put(e.getKey(), e.getValue().asBoolean()));
        return Collections.unmodifiableMap(caps);
    }

    /**
     * The capability names this plugin consumes from {@code runtimeConfig} (CONVENTIONS.md), including those of a
     * nested IPAM plugin where the plugin delegates to one.
     *
     * @return the supported names; empty for plugins that take none
     */
    public abstract Set<String> supportedCapabilities();

    /**
     * Any top-level key as compact Go-canonical JSON text, known or not.
     *
     * @param key the JSON key
     * @return the value's JSON text, or empty when the key is absent
     */
    public final Optional<String> rawField(String key) {
        Objects.requireNonNull(key, "key");
        JsonNode v = tree().get(key);
        return v == null ? Optional.empty() : Optional.of(new String(GoJson.encode(v), StandardCharsets.UTF_8));
    }

    /**
     * All top-level keys in insertion order.
     *
     * @return the key names
     */
    public final Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        tree().fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }

    /**
     * The Go-canonical JSON of this object: keys sorted at every level, compact, no trailing newline.
     *
     * @return a fresh copy of the UTF-8 bytes
     */
    public final byte[] toBytes() {
        return bytes().clone();
    }

    /**
     * Same as {@link #toBytes()}, as a string.
     *
     * @return the JSON text
     */
    public final String toJson() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * This object as a config-model plugin entry.
     *
     * @return the plugin config parsed from {@link #toBytes()}
     */
    public final PluginConfig toPluginConfig() {
        return PluginConfig.fromBytes(bytes(), type() + " plugin spec");
    }

    /** Typed read of the tree for the subclasses' accessors. */
    final Optional<String> str(String key) {
        return Fields.str(tree(), key);
    }

    final Optional<Boolean> bool(String key) {
        return Fields.bool(tree(), key);
    }

    final Optional<Long> num(String key) {
        return Fields.num(tree(), key);
    }

    final Optional<Integer> integer(String key) {
        return num(key).map(Long::intValue);
    }

    /** Reads and validates a plugin config of the expected type, turning validation failures into data errors. */
    static <T extends PluginSpec> T parse(PluginConfig config, String expectedType,
                                          Function<ObjectNode, Builder<?, T>> builderOf) {
        Objects.requireNonNull(config, "config");
        if (!expectedType.equals(config.type())) {
            throw new IllegalArgumentException("expected a plugin of type \"" + expectedType + "\" but got \""
                    + config.type() + "\"");
        }
        ObjectNode tree = Fields.parseObject(config.bytes(), expectedType + " plugin config");
        try {
            return builderOf.apply(tree).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + expectedType + " plugin config: " + e.getMessage(),
                    expectedType + " plugin config");
        }
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof PluginSpec other && other.getClass() == getClass() && Arrays.equals(other.bytes(), bytes());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes());
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + toJson();
    }

    /**
     * What every plugin builder offers: the plugin object's {@code name}, {@code capabilities} and untyped keys.
     *
     * <pre>{@code
     * Tuning t = Tuning.builder().capability("mac", true).field("x-vendor", "{\"a\":1}").build();
     * }</pre>
     *
     * <p>Builders are not thread-safe; what they build is immutable.
     *
     * @param <B> the concrete builder
     * @param <T> the config it builds
     */
    public abstract static class Builder<B extends Builder<B, T>, T extends PluginSpec> {

        final ObjectNode tree;

        Builder(String type, ObjectNode from) {
            if (from == null) {
                this.tree = Fields.MAPPER.createObjectNode();
                tree.put("type", type);
            } else {
                this.tree = from.deepCopy();
            }
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Sets the plugin object's own {@code name} key (rarely used; the list name is what plugins see as name).
         *
         * @param name the name
         * @return this builder
         */
        public final B name(String name) {
            tree.put("name", Objects.requireNonNull(name, "name"));
            return self();
        }

        /**
         * Enables or disables one capability in {@code capabilities}.
         *
         * @param capability a name from the config's {@code supportedCapabilities()}
         * @param enabled the flag
         * @return this builder
         * @throws IllegalArgumentException when the plugin does not consume that capability
         */
        public final B capability(String capability, boolean enabled) {
            Objects.requireNonNull(capability, "capability");
            if (!supported().contains(capability)) {
                throw new IllegalArgumentException("capabilities: plugin " + tree.path("type").asText()
                        + " does not support capability \"" + capability + "\" (supported: " + supported() + ")");
            }
            Fields.object(tree, "capabilities").put(capability, enabled);
            return self();
        }

        /**
         * Sets any key to a JSON value, for keys this typed builder does not model (newer plugin versions, vendor
         * keys). Typed keys set this way are still validated by {@link #build()}.
         *
         * @param key the JSON key
         * @param json the value as JSON text
         * @return this builder
         * @throws IllegalArgumentException when {@code json} is not valid JSON
         */
        public final B field(String key, String json) {
            Objects.requireNonNull(key, "key");
            tree.set(key, Fields.parseValue(key, Objects.requireNonNull(json, "json")));
            return self();
        }

        /**
         * Removes a key, typed or not.
         *
         * @param key the JSON key
         * @return this builder
         */
        public final B remove(String key) {
            tree.remove(Objects.requireNonNull(key, "key"));
            return self();
        }

        /**
         * Validates and builds the config.
         *
         * @return the immutable config
         * @throws IllegalArgumentException naming the field that is wrong
         */
        public final T build() {
            Fields.checkKinds(tree, schema());
            check();
            return create(tree);
        }

        abstract Set<String> supported();

        abstract Map<String, Fields.Kind> schema();

        /** Semantic checks beyond JSON types; throws IAE naming the field. */
        void check() {
        }

        abstract T create(ObjectNode t);

        final B set(String key, String v) {
            tree.put(key, Objects.requireNonNull(v, key));
            return self();
        }

        final B set(String key, boolean v) {
            tree.put(key, v);
            return self();
        }

        final B set(String key, long v) {
            tree.put(key, v);
            return self();
        }

        final B setNode(String key, JsonNode v) {
            tree.set(key, v);
            return self();
        }

        final B ipamNode(IpamSpec ipam) {
            tree.set("ipam", ((PluginSpec) Objects.requireNonNull(ipam, "ipam")).tree().deepCopy());
            return self();
        }
    }
}
