package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code sbr} (source-based routing) chained plugin: a routing table per container address.
 *
 * <pre>{@code
 * Sbr sbr = Sbr.builder().table(200).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Sbr extends PluginSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("table", Fields.Kind.INT);

    Sbr(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"sbr"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code sbr}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Sbr from(PluginConfig config) {
        return parse(config, "sbr", Builder::new);
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
     * The first routing table number to use (plugin default 100).
     *
     * @return {@code table}, or empty when not set
     */
    public Optional<Integer> table() {
        return integer("table");
    }

    /**
     * Builds {@link Sbr} configs; not thread-safe.
     *
     * <pre>{@code
     * Sbr c = Sbr.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Sbr> {

        Builder(ObjectNode from) {
            super("sbr", from);
        }

        /**
         * Sets {@code table}: the first routing table number to use (plugin default 100).
         *
         * @param v the value
         * @return this builder
         */
        public Builder table(int v) {
            return set("table", v);
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
            Fields.range(tree, "table", 1, 0xFFFF_FFFFL);
        }

        @Override
        Sbr create(ObjectNode t) {
            return new Sbr(t);
        }
    }
}
