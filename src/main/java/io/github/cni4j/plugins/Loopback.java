package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Set;

/**
 * The {@code loopback} plugin: brings {@code lo} up in the container; it reads no keys.
 *
 * <pre>{@code
 * Loopback lo = Loopback.builder().build();   // {"type":"loopback"}
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Loopback extends PluginSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema();

    Loopback(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"loopback"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code loopback}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Loopback from(PluginConfig config) {
        return parse(config, "loopback", Builder::new);
    }

    /**
     * A builder holding this config's keys.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(tree());
    }

    @Override
    public Set<String> supportedCapabilities() {
        return CAPABILITIES;
    }

    /**
     * Builds {@link Loopback} configs; not thread-safe.
     *
     * <pre>{@code
     * Loopback c = Loopback.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Loopback> {

        Builder(ObjectNode from) {
            super("loopback", from);
        }

        @Override
        Set<String> supported() {
            return CAPABILITIES;
        }

        @Override
        Map<String, Fields.Kind> schema() {
            return SCHEMA;
        }

        @Override
        void check() {
        }

        @Override
        Loopback create(ObjectNode t) {
            return new Loopback(t);
        }
    }
}
