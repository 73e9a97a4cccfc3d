package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code firewall} chained plugin: iptables or firewalld rules admitting the container's traffic, and the {@code ingressPolicy} between bridges.
 *
 * <pre>{@code
 * Firewall fw = Firewall.builder().backend("iptables").ingressPolicy("same-bridge").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Firewall extends PluginSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("backend", Fields.Kind.STRING,
            "iptablesAdminChainName", Fields.Kind.STRING,
            "firewalldZone", Fields.Kind.STRING,
            "ingressPolicy", Fields.Kind.STRING);

    Firewall(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"firewall"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code firewall}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Firewall from(PluginConfig config) {
        return parse(config, "firewall", Builder::new);
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
     * The backend, {@code iptables}, {@code firewalld} or empty (the plugin default: firewalld when running).
     *
     * @return {@code backend}, or empty when not set
     */
    public Optional<String> backend() {
        return str("backend");
    }

    /**
     * The admin chain (plugin default {@code CNI-ADMIN}).
     *
     * @return {@code iptablesAdminChainName}, or empty when not set
     */
    public Optional<String> iptablesAdminChainName() {
        return str("iptablesAdminChainName");
    }

    /**
     * The firewalld zone (plugin default {@code trusted}).
     *
     * @return {@code firewalldZone}, or empty when not set
     */
    public Optional<String> firewalldZone() {
        return str("firewalldZone");
    }

    /**
     * The ingress policy: {@code open} (default), {@code same-bridge}, or {@code isolated} (plugins 1.7.1 and later only).
     *
     * @return {@code ingressPolicy}, or empty when not set
     */
    public Optional<String> ingressPolicy() {
        return str("ingressPolicy");
    }

    /**
     * Builds {@link Firewall} configs; not thread-safe.
     *
     * <pre>{@code
     * Firewall c = Firewall.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Firewall> {

        Builder(ObjectNode from) {
            super("firewall", from);
        }

        /**
         * Sets {@code backend}: the backend, {@code iptables} or {@code firewalld} (plugin default: firewalld when running).
         *
         * @param v the value
         * @return this builder
         */
        public Builder backend(String v) {
            return set("backend", v);
        }

        /**
         * Sets {@code iptablesAdminChainName}: the admin chain (plugin default {@code CNI-ADMIN}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder iptablesAdminChainName(String v) {
            return set("iptablesAdminChainName", v);
        }

        /**
         * Sets {@code firewalldZone}: the firewalld zone (plugin default {@code trusted}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder firewalldZone(String v) {
            return set("firewalldZone", v);
        }

        /**
         * Sets {@code ingressPolicy}: the ingress policy: {@code open} (default), {@code same-bridge}, or {@code isolated} (plugins 1.7.1 and later only).
         *
         * @param v the value
         * @return this builder
         */
        public Builder ingressPolicy(String v) {
            return set("ingressPolicy", v);
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
            Fields.oneOf(tree, "backend", "", "iptables", "firewalld");    // "" = auto-detect (Podman writes it)
            Fields.oneOf(tree, "ingressPolicy", "", "open", "same-bridge", "isolated");
        }

        @Override
        Firewall create(ObjectNode t) {
            return new Firewall(t);
        }
    }
}
