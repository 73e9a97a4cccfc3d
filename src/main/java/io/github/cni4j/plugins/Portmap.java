package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code portmap} chained plugin: forwards host ports to the container (capability {@code portMappings}, enabled by default by the builder).
 *
 * <pre>{@code
 * Portmap pm = Portmap.builder().build();
 * // {"capabilities":{"portMappings":true},"type":"portmap"}
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Portmap extends PluginSpec {

    /** The capabilities this plugin consumes: {@code portMappings}. */
    public static final Set<String> CAPABILITIES = Set.of("portMappings");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("snat", Fields.Kind.BOOL,
            "markMasqBit", Fields.Kind.INT,
            "externalSetMarkChain", Fields.Kind.STRING,
            "conditionsV4", Fields.Kind.STRINGS,
            "conditionsV6", Fields.Kind.STRINGS,
            "masqAll", Fields.Kind.BOOL,
            "backend", Fields.Kind.STRING);

    Portmap(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"portmap"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code portmap}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Portmap from(PluginConfig config) {
        return parse(config, "portmap", Builder::new);
    }

    /**
     * A builder holding this config's keys.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(tree);
    }

    @Override
    public Set<String> supportedCapabilities() {
        return CAPABILITIES;
    }

    /**
     * Whether hairpin/localhost traffic is SNATed (plugin default true).
     *
     * @return {@code snat}, or empty when not set
     */
    public Optional<Boolean> snat() {
        return bool("snat");
    }

    /**
     * The mark bit for masquerading (0-31, plugin default 13).
     *
     * @return {@code markMasqBit}, or empty when not set
     */
    public Optional<Integer> markMasqBit() {
        return integer("markMasqBit");
    }

    /**
     * An existing chain that sets the masquerade mark.
     *
     * @return {@code externalSetMarkChain}, or empty when not set
     */
    public Optional<String> externalSetMarkChain() {
        return str("externalSetMarkChain");
    }

    /**
     * Whether all forwarded traffic is masqueraded (newer plugins).
     *
     * @return {@code masqAll}, or empty when not set
     */
    public Optional<Boolean> masqAll() {
        return bool("masqAll");
    }

    /**
     * The backend, {@code iptables} or {@code nftables} (newer plugins).
     *
     * @return {@code backend}, or empty when not set
     */
    public Optional<String> backend() {
        return str("backend");
    }

    /**
     * Builds {@link Portmap} configs; not thread-safe.
     *
     * <pre>{@code
     * Portmap c = Portmap.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Portmap> {

        Builder(ObjectNode from) {
            super("portmap", from);
            if (from == null) {
                Fields.object(tree, "capabilities").put("portMappings", true);
            }
        }

        /**
         * Sets {@code snat}: whether hairpin/localhost traffic is SNATed (plugin default true).
         *
         * @param v the value
         * @return this builder
         */
        public Builder snat(boolean v) {
            return set("snat", v);
        }

        /**
         * Sets {@code markMasqBit}: the mark bit for masquerading (0-31, plugin default 13).
         *
         * @param v the value
         * @return this builder
         */
        public Builder markMasqBit(int v) {
            return set("markMasqBit", v);
        }

        /**
         * Sets {@code externalSetMarkChain}: an existing chain that sets the masquerade mark.
         *
         * @param v the value
         * @return this builder
         */
        public Builder externalSetMarkChain(String v) {
            return set("externalSetMarkChain", v);
        }

        /**
         * Sets {@code masqAll}: whether all forwarded traffic is masqueraded (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder masqAll(boolean v) {
            return set("masqAll", v);
        }

        /**
         * Sets {@code backend}: the backend, {@code iptables} or {@code nftables} (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder backend(String v) {
            return set("backend", v);
        }

        /**
         * Sets {@code conditionsV4}: extra iptables match arguments for IPv4 rules.
         *
         * @param conditions e.g. {@code List.of("-s", "10.0.0.0/8")}
         * @return this builder
         */
        public Builder conditionsV4(List<String> conditions) {
            return setNode("conditionsV4", Fields.MAPPER.valueToTree(List.copyOf(conditions)));
        }

        /**
         * Sets {@code conditionsV6}: extra ip6tables match arguments for IPv6 rules.
         *
         * @param conditions the arguments
         * @return this builder
         */
        public Builder conditionsV6(List<String> conditions) {
            return setNode("conditionsV6", Fields.MAPPER.valueToTree(List.copyOf(conditions)));
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
            Fields.range(tree, "markMasqBit", 0, 31);
            Fields.oneOf(tree, "backend", "iptables", "nftables");
            if (tree.has("markMasqBit") && tree.has("externalSetMarkChain")) {
                throw new IllegalArgumentException("markMasqBit: cannot be used with externalSetMarkChain");
            }
        }

        @Override
        Portmap create(ObjectNode t) {
            return new Portmap(t);
        }
    }
}
