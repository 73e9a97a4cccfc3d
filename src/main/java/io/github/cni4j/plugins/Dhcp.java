package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code dhcp} IPAM plugin: leases from a DHCP server through the plugin's daemon ({@code dhcp daemon}).
 *
 * <pre>{@code
 * Dhcp dhcp = Dhcp.builder().addProvide("host-name", "", "MY_HOSTNAME").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Dhcp extends PluginSpec implements IpamSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("daemonSocketPath", Fields.Kind.STRING,
            "request", Fields.Kind.ARRAY,
            "provide", Fields.Kind.ARRAY);

    Dhcp(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"dhcp"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code dhcp}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Dhcp from(PluginConfig config) {
        return parse(config, "dhcp", Builder::new);
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
     * The daemon socket (plugin default {@code /run/cni/dhcp.sock}).
     *
     * @return {@code daemonSocketPath}, or empty when not set
     */
    public Optional<String> daemonSocketPath() {
        return str("daemonSocketPath");
    }

    /**
     * Builds {@link Dhcp} configs; not thread-safe.
     *
     * <pre>{@code
     * Dhcp c = Dhcp.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Dhcp> {

        Builder(ObjectNode from) {
            super("dhcp", from);
        }

        /**
         * Sets {@code daemonSocketPath}: the daemon socket (plugin default {@code /run/cni/dhcp.sock}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder daemonSocketPath(Path v) {
            return set("daemonSocketPath", v.toString());
        }

        /**
         * Appends a {@code request} entry: a DHCP option to request.
         *
         * @param option the option name or number, e.g. {@code "classless-static-routes"}
         * @param skipDefault whether to skip the default requested options
         * @return this builder
         */
        public Builder addRequest(String option, boolean skipDefault) {
            ObjectNode n = Fields.array(tree, "request").addObject();
            n.put("option", option);
            n.put("skipDefault", skipDefault);
            return this;
        }

        /**
         * Appends a {@code provide} entry: an option sent to the server, with a fixed value or one from CNI_ARGS.
         *
         * @param option the option, e.g. {@code "host-name"}
         * @param value the fixed value, may be empty
         * @param fromArg the CNI_ARGS key to take the value from, may be empty
         * @return this builder
         */
        public Builder addProvide(String option, String value, String fromArg) {
            ObjectNode n = Fields.array(tree, "provide").addObject();
            n.put("option", option);
            n.put("value", value);
            n.put("fromArg", fromArg);
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
        }

        @Override
        Dhcp create(ObjectNode t) {
            return new Dhcp(t);
        }
    }
}
