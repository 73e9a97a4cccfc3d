package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * <p>{@link #from(PluginConfig, Class)} reads a {@link PluginConfig} as a config class, e.g.
 * {@code PluginSpec.from(config, Bridge.class)}: it throws {@link io.github.cni4j.error.ConfigException} when a known key has a wrong
 * type or value, and {@link IllegalArgumentException} when the config is of another type.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract sealed class PluginSpec permits DeclaredSpec {

    /** The JSON object, encoded from the declared attributes on first use. */
    private volatile ObjectNode tree;
    private volatile byte[] bytes;

    PluginSpec() {
    }

    /**
     * The typed view of a plugin config, unknown keys kept: {@code PluginSpec.from(config, Bridge.class)}, or
     * {@code PluginSpec.from(config, PluginSpec.class)} for the config class of the config's own type.
     *
     * @param config a plugin config
     * @param type the config class to read it as
     * @param <T> the config class
     * @return the typed config
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type, or of one cni4j does not model
     */
    public static <T extends PluginSpec> T from(PluginConfig config, Class<T> type) {
        return SpecDecoder.decode(Objects.requireNonNull(config, "config"), Objects.requireNonNull(type, "type"));
    }

    /** The JSON object of this config; callers must not change it. */
    final ObjectNode tree() {
        ObjectNode t = tree;
        if (t == null) {
            t = SpecRules.encode((DeclaredSpec<?>) this);
            bytes = GoJson.encode(t);
            tree = t;
        }
        return t;
    }

    private byte[] bytes() {
        tree();
        return bytes;
    }

    /** {@return the plugin binary name, the {@code type} key, e.g. {@code "bridge"}} */
    public final String type() {
        return tree().path("type").asText();
    }

    /** {@return the plugin object's own {@code name} key, which few configs set, or empty} */
    public abstract Optional<String> name();

    /** {@return the {@code capabilities} this config enables or disables, in file order; empty when absent} */
    public abstract Map<String, Boolean> capabilities();

    /**
     * The capability names this plugin consumes from {@code runtimeConfig} (CONVENTIONS.md), including those of a
     * nested IPAM plugin where the plugin delegates to one.
     *
     * @return the supported names; empty for plugins that take none
     */
    public final Set<String> supportedCapabilities() {
        return SpecCodec.supported(getClass());
    }

    /** Any top-level key as compact Go-canonical JSON text, known or not.
     * @param key the JSON key
     * @return the value's JSON text, or empty when the key is absent */
    public final Optional<String> rawField(String key) {
        Objects.requireNonNull(key, "key");
        JsonNode v = tree().get(key);
        return v == null ? Optional.empty() : Optional.of(new String(GoJson.encode(v), StandardCharsets.UTF_8));
    }

    /** {@return the names of all top-level keys, in insertion order} */
    public final Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        tree().fieldNames().forEachRemaining(names::add);
        return java.util.Collections.unmodifiableSet(names);
    }

    /** {@return a fresh copy of the Go-canonical JSON: keys sorted at every level, compact, no trailing newline} */
    public final byte[] toBytes() {
        return bytes().clone();
    }

    /** {@return the same as {@link #toBytes()}, as a string} */
    public final String toJson() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** {@return this object as a config-model plugin entry, parsed from {@link #toBytes()}} */
    public final PluginConfig toPluginConfig() {
        return PluginConfig.fromBytes(bytes(), type() + " plugin spec");
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
}
