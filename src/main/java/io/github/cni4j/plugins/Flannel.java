package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code flannel} plugin config (config only: the binary is not in the reference set); it reads flannel's subnet file and delegates to another plugin.
 *
 * <pre>{@code
 * Flannel f = Flannel.builder().delegate(Bridge.builder().isDefaultGateway(true).build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Flannel extends PluginSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("subnetFile", Fields.Kind.STRING,
            "dataDir", Fields.Kind.STRING,
            "delegate", Fields.Kind.OBJECT);

    Flannel(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"flannel"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code flannel}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Flannel from(PluginConfig config) {
        return parse(config, "flannel", Builder::new);
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
     * Flannel's subnet file (plugin default {@code /run/flannel/subnet.env}).
     *
     * @return {@code subnetFile}, or empty when not set
     */
    public Optional<String> subnetFile() {
        return str("subnetFile");
    }

    /**
     * Where delegate configs are saved (plugin default {@code /var/lib/cni/flannel}).
     *
     * @return {@code dataDir}, or empty when not set
     */
    public Optional<String> dataDir() {
        return str("dataDir");
    }

    /**
     * Builds {@link Flannel} configs; not thread-safe.
     *
     * <pre>{@code
     * Flannel c = Flannel.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Flannel> {

        Builder(ObjectNode from) {
            super("flannel", from);
        }

        /**
         * Sets {@code subnetFile}: flannel's subnet file (plugin default {@code /run/flannel/subnet.env}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder subnetFile(Path v) {
            return set("subnetFile", v.toString());
        }

        /**
         * Sets {@code dataDir}: where delegate configs are saved (plugin default {@code /var/lib/cni/flannel}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder dataDir(Path v) {
            return set("dataDir", v.toString());
        }

        /**
         * Sets {@code delegate}: the plugin object flannel completes and calls (default type {@code bridge}).
         *
         * @param delegate e.g. a {@link Bridge} config without {@code ipam}
         * @return this builder
         */
        public Builder delegate(PluginSpec delegate) {
            return setNode("delegate", delegate.tree().deepCopy());
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
        Flannel create(ObjectNode t) {
            return new Flannel(t);
        }
    }
}
