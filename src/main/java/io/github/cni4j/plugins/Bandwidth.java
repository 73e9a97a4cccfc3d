package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code bandwidth} chained plugin: token-bucket shaping in bits per second and bits (capability {@code bandwidth}, enabled by default by the builder).
 *
 * <pre>{@code
 * Bandwidth bw = Bandwidth.builder().ingressRate(1_000_000).ingressBurst(100_000).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Bandwidth extends PluginSpec {

    /** The capabilities this plugin consumes: {@code bandwidth}. */
    public static final Set<String> CAPABILITIES = Set.of("bandwidth");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("ingressRate", Fields.Kind.INT,
            "ingressBurst", Fields.Kind.INT,
            "egressRate", Fields.Kind.INT,
            "egressBurst", Fields.Kind.INT);

    Bandwidth(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"bandwidth"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code bandwidth}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Bandwidth from(PluginConfig config) {
        return parse(config, "bandwidth", Builder::new);
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
     * The ingress rate in bit/s.
     *
     * @return {@code ingressRate}, or empty when not set
     */
    public Optional<Long> ingressRate() {
        return num("ingressRate");
    }

    /**
     * The ingress burst in bits.
     *
     * @return {@code ingressBurst}, or empty when not set
     */
    public Optional<Long> ingressBurst() {
        return num("ingressBurst");
    }

    /**
     * The egress rate in bit/s.
     *
     * @return {@code egressRate}, or empty when not set
     */
    public Optional<Long> egressRate() {
        return num("egressRate");
    }

    /**
     * The egress burst in bits.
     *
     * @return {@code egressBurst}, or empty when not set
     */
    public Optional<Long> egressBurst() {
        return num("egressBurst");
    }

    /** The plugin's rule: rate and burst come together, both positive, burst under 4 GB. */
    static void checkPair(ObjectNode tree, String dir) {
        Optional<Long> rate = Fields.num(tree, dir + "Rate");
        Optional<Long> burst = Fields.num(tree, dir + "Burst");
        if (rate.isPresent() != burst.isPresent() || rate.orElse(1L) < 0 || burst.orElse(1L) < 0) {
            throw new IllegalArgumentException(dir + "Rate/" + dir + "Burst: if rate is set, burst must also be set "
                    + "(and both non-negative)");
        }
        if (burst.orElse(0L) / 8 >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(dir + "Burst: burst cannot be more than 4GB");
        }
    }

    /**
     * Builds {@link Bandwidth} configs; not thread-safe.
     *
     * <pre>{@code
     * Bandwidth c = Bandwidth.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Bandwidth> {

        Builder(ObjectNode from) {
            super("bandwidth", from);
            if (from == null) {
                Fields.object(tree, "capabilities").put("bandwidth", true);
            }
        }

        /**
         * Sets {@code ingressRate}: the ingress rate in bit/s.
         *
         * @param v the value
         * @return this builder
         */
        public Builder ingressRate(long v) {
            return set("ingressRate", v);
        }

        /**
         * Sets {@code ingressBurst}: the ingress burst in bits.
         *
         * @param v the value
         * @return this builder
         */
        public Builder ingressBurst(long v) {
            return set("ingressBurst", v);
        }

        /**
         * Sets {@code egressRate}: the egress rate in bit/s.
         *
         * @param v the value
         * @return this builder
         */
        public Builder egressRate(long v) {
            return set("egressRate", v);
        }

        /**
         * Sets {@code egressBurst}: the egress burst in bits.
         *
         * @param v the value
         * @return this builder
         */
        public Builder egressBurst(long v) {
            return set("egressBurst", v);
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
            Bandwidth.checkPair(tree, "ingress");
            Bandwidth.checkPair(tree, "egress");
        }

        @Override
        Bandwidth create(ObjectNode t) {
            return new Bandwidth(t);
        }
    }
}
