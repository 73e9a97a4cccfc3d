package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code vlan} plugin: a VLAN sub-interface of {@code master} moved into the container.
 *
 * <pre>{@code
 * Vlan v = Vlan.builder().master("eth0").vlanId(100)
 *         .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.100.0.0/24")).build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Vlan extends PluginSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("master", Fields.Kind.STRING,
            "vlanId", Fields.Kind.INT,
            "mtu", Fields.Kind.INT,
            "linkInContainer", Fields.Kind.BOOL,
            "ipam", Fields.Kind.OBJECT);

    Vlan(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"vlan"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code vlan}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Vlan from(PluginConfig config) {
        return parse(config, "vlan", Builder::new);
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
     * The parent interface (required).
     *
     * @return {@code master}, or empty when not set
     */
    public Optional<String> master() {
        return str("master");
    }

    /**
     * The VLAN id (0-4094, required).
     *
     * @return {@code vlanId}, or empty when not set
     */
    public Optional<Integer> vlanId() {
        return integer("vlanId");
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
     * Whether {@code master} lives in the container netns.
     *
     * @return {@code linkInContainer}, or empty when not set
     */
    public Optional<Boolean> linkInContainer() {
        return bool("linkInContainer");
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
     * Builds {@link Vlan} configs; not thread-safe.
     *
     * <pre>{@code
     * Vlan c = Vlan.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Vlan> {

        Builder(ObjectNode from) {
            super("vlan", from);
        }

        /**
         * Sets {@code master}: the parent interface (required).
         *
         * @param v the value
         * @return this builder
         */
        public Builder master(String v) {
            return set("master", v);
        }

        /**
         * Sets {@code vlanId}: the VLAN id (0-4094, required).
         *
         * @param v the value
         * @return this builder
         */
        public Builder vlanId(int v) {
            return set("vlanId", v);
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
         * Sets {@code linkInContainer}: whether {@code master} lives in the container netns.
         *
         * @param v the value
         * @return this builder
         */
        public Builder linkInContainer(boolean v) {
            return set("linkInContainer", v);
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
            Fields.range(tree, "vlanId", 0, 4094);
            if (!tree.has("master")) {
                throw new IllegalArgumentException("master: required by the vlan plugin");
            }
            if (!tree.has("vlanId")) {
                throw new IllegalArgumentException("vlanId: required by the vlan plugin");
            }
            Fields.ipam(tree);
        }

        @Override
        Vlan create(ObjectNode t) {
            return new Vlan(t);
        }
    }
}
