package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tuning} chained plugin: sysctls and link settings of the container interface.
 *
 * <pre>{@code
 * Tuning t = Tuning.builder().putSysctl("net.core.somaxconn", "500").mtu(1400).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Tuning extends PluginSpec {

    /** The capabilities this plugin consumes: {@code mac}. */
    public static final Set<String> CAPABILITIES = Set.of("mac");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("sysctl", Fields.Kind.OBJECT,
            "mac", Fields.Kind.STRING,
            "promisc", Fields.Kind.BOOL,
            "mtu", Fields.Kind.INT,
            "txQLen", Fields.Kind.INT,
            "allmulti", Fields.Kind.BOOL,
            "dataDir", Fields.Kind.STRING);

    Tuning(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"tuning"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code tuning}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Tuning from(PluginConfig config) {
        return parse(config, "tuning", Builder::new);
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
     * The MAC address to set.
     *
     * @return {@code mac}, or empty when not set
     */
    public Optional<String> mac() {
        return str("mac");
    }

    /**
     * Whether the interface is promiscuous.
     *
     * @return {@code promisc}, or empty when not set
     */
    public Optional<Boolean> promisc() {
        return bool("promisc");
    }

    /**
     * The MTU to set.
     *
     * @return {@code mtu}, or empty when not set
     */
    public Optional<Integer> mtu() {
        return integer("mtu");
    }

    /**
     * The transmit queue length.
     *
     * @return {@code txQLen}, or empty when not set
     */
    public Optional<Integer> txQLen() {
        return integer("txQLen");
    }

    /**
     * Whether all-multicast mode is on.
     *
     * @return {@code allmulti}, or empty when not set
     */
    public Optional<Boolean> allmulti() {
        return bool("allmulti");
    }

    /**
     * Where the original settings are saved (plugin default {@code /run/cni/tuning}).
     *
     * @return {@code dataDir}, or empty when not set
     */
    public Optional<String> dataDir() {
        return str("dataDir");
    }

    /**
     * The sysctls to set in the container.
     *
     * @return {@code sysctl} as name to value; empty when absent
     */
    public Map<String, String> sysctl() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        tree.path("sysctl").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Builds {@link Tuning} configs; not thread-safe.
     *
     * <pre>{@code
     * Tuning c = Tuning.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Tuning> {

        Builder(ObjectNode from) {
            super("tuning", from);
        }

        /**
         * Sets {@code mac}: the MAC address to set.
         *
         * @param v the value
         * @return this builder
         */
        public Builder mac(String v) {
            return set("mac", v);
        }

        /**
         * Sets {@code promisc}: whether the interface is promiscuous.
         *
         * @param v the value
         * @return this builder
         */
        public Builder promisc(boolean v) {
            return set("promisc", v);
        }

        /**
         * Sets {@code mtu}: the MTU to set.
         *
         * @param v the value
         * @return this builder
         */
        public Builder mtu(int v) {
            return set("mtu", v);
        }

        /**
         * Sets {@code txQLen}: the transmit queue length.
         *
         * @param v the value
         * @return this builder
         */
        public Builder txQLen(int v) {
            return set("txQLen", v);
        }

        /**
         * Sets {@code allmulti}: whether all-multicast mode is on.
         *
         * @param v the value
         * @return this builder
         */
        public Builder allmulti(boolean v) {
            return set("allmulti", v);
        }

        /**
         * Sets {@code dataDir}: where the original settings are saved (plugin default {@code /run/cni/tuning}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder dataDir(Path v) {
            return set("dataDir", v.toString());
        }

        /**
         * Adds one sysctl (only {@code net.*} names are accepted by the plugin).
         *
         * @param name e.g. {@code net.ipv4.conf.all.log_martians}
         * @param value the value as text
         * @return this builder
         */
        public Builder putSysctl(String name, String value) {
            Fields.object(tree, "sysctl").put(name, value);
            return this;
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
            Fields.mtu(tree, "mtu");
            tree.path("sysctl").fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("net.") || !e.getValue().isTextual()) {
                    throw new IllegalArgumentException("sysctl/" + e.getKey()
                            + ": only net.* sysctls with string values are allowed");
                }
            });
        }

        @Override
        Tuning create(ObjectNode t) {
            return new Tuning(t);
        }
    }
}
