package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ipvlan} plugin: an ipvlan sub-interface of {@code master} moved into the container.
 *
 * <pre>{@code
 * Ipvlan i = Ipvlan.builder().master("eth0").mode("l2")
 *         .ipam(HostLocal.builder().addRangeSet(IpRange.of("192.168.1.0/24")).build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Ipvlan extends PluginSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("master", Fields.Kind.STRING,
            "mode", Fields.Kind.STRING,
            "mtu", Fields.Kind.INT,
            "linkInContainer", Fields.Kind.BOOL,
            "ipam", Fields.Kind.OBJECT);

    Ipvlan(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"ipvlan"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code ipvlan}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Ipvlan from(PluginConfig config) {
        return parse(config, "ipvlan", Builder::new);
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
     * The ipvlan mode: {@code l2} (default), {@code l3} or {@code l3s}.
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
     * Builds {@link Ipvlan} configs; not thread-safe.
     *
     * <pre>{@code
     * Ipvlan c = Ipvlan.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Ipvlan> {

        Builder(ObjectNode from) {
            super("ipvlan", from);
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
         * Sets {@code mode}: the ipvlan mode: {@code l2} (default), {@code l3} or {@code l3s}.
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
            Fields.oneOf(tree, "mode", "l2", "l3", "l3s");
            Fields.ipam(tree);
        }

        @Override
        Ipvlan create(ObjectNode t) {
            return new Ipvlan(t);
        }
    }
}
