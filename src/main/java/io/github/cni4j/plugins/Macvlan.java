package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code macvlan} plugin: a macvlan sub-interface of {@code master} moved into the container.
 *
 * <pre>{@code
 * Macvlan m = Macvlan.builder().master("eth0").mode("bridge")
 *         .ipam(Dhcp.builder().build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Macvlan extends PluginSpec {

    /** The capabilities this plugin consumes: {@code mac}, {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("mac", "ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("master", Fields.Kind.STRING,
            "mode", Fields.Kind.STRING,
            "mtu", Fields.Kind.INT,
            "mac", Fields.Kind.STRING,
            "linkInContainer", Fields.Kind.BOOL,
            "bcqueuelen", Fields.Kind.INT,
            "ipam", Fields.Kind.OBJECT);

    Macvlan(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"macvlan"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code macvlan}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Macvlan from(PluginConfig config) {
        return parse(config, "macvlan", Builder::new);
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
     * The parent interface (plugin default: the interface of the default route).
     *
     * @return {@code master}, or empty when not set
     */
    public Optional<String> master() {
        return str("master");
    }

    /**
     * The macvlan mode: {@code bridge} (default), {@code private}, {@code vepa} or {@code passthru}.
     *
     * @return {@code mode}, or empty when not set
     */
    public Optional<String> mode() {
        return str("mode");
    }

    /**
     * The MTU (at most the parent's).
     *
     * @return {@code mtu}, or empty when not set
     */
    public Optional<Integer> mtu() {
        return integer("mtu");
    }

    /**
     * A fixed MAC address for the container interface.
     *
     * @return {@code mac}, or empty when not set
     */
    public Optional<String> mac() {
        return str("mac");
    }

    /**
     * Whether {@code master} lives in the container netns.
     *
     * @return {@code linkInContainer}, or empty when not set
     */
    public Optional<Boolean> linkInContainer() {
        return bool("linkInContainer");
    }

    /**
     * The broadcast queue length (newer plugins).
     *
     * @return {@code bcqueuelen}, or empty when not set
     */
    public Optional<Integer> bcqueuelen() {
        return integer("bcqueuelen");
    }

    /**
     * The nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others).
     *
     * @return the typed {@code ipam}, or empty
     */
    public Optional<IpamSpec> ipam() {
        return Fields.ipamIn(tree());
    }

    /**
     * Builds {@link Macvlan} configs; not thread-safe.
     *
     * <pre>{@code
     * Macvlan c = Macvlan.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Macvlan> {

        Builder(ObjectNode from) {
            super("macvlan", from);
        }

        /**
         * Sets {@code master}: the parent interface (plugin default: the interface of the default route).
         *
         * @param v the value
         * @return this builder
         */
        public Builder master(String v) {
            return set("master", v);
        }

        /**
         * Sets {@code mode}: the macvlan mode: {@code bridge} (default), {@code private}, {@code vepa} or {@code passthru}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder mode(String v) {
            return set("mode", v);
        }

        /**
         * Sets {@code mtu}: the MTU (at most the parent's).
         *
         * @param v the value
         * @return this builder
         */
        public Builder mtu(int v) {
            return set("mtu", v);
        }

        /**
         * Sets {@code mac}: a fixed MAC address for the container interface.
         *
         * @param v the value
         * @return this builder
         */
        public Builder mac(String v) {
            return set("mac", v);
        }

        /**
         * Sets {@code linkInContainer}: whether {@code master} lives in the container netns.
         *
         * @param v the value
         * @return this builder
         */
        public Builder linkInContainer(boolean v) {
            return set("linkInContainer", v);
        }

        /**
         * Sets {@code bcqueuelen}: the broadcast queue length (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder bcqueuelen(int v) {
            return set("bcqueuelen", v);
        }

        /**
         * Sets the nested {@code ipam} object.
         *
         * @param ipam the IPAM config
         * @return this builder
         */
        public Builder ipam(IpamSpec ipam) {
            return ipamNode(ipam);
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
            Fields.ifName(tree, "master");
            Fields.mtu(tree, "mtu");
            Fields.oneOf(tree, "mode", "bridge", "private", "vepa", "passthru");
            Fields.ipam(tree);
        }

        @Override
        Macvlan create(ObjectNode t) {
            return new Macvlan(t);
        }
    }
}
