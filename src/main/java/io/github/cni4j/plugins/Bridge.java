package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code bridge} plugin: a Linux bridge on the host and a veth pair into the container.
 *
 * <pre>{@code
 * Bridge b = Bridge.builder()
 *         .bridge("cni0").isGateway(true).ipMasq(true).mtu(1450)
 *         .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/16")).build())
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Bridge extends PluginSpec {

    /** The capabilities this plugin consumes: {@code mac}, {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("mac", "ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("bridge", Fields.Kind.STRING,
            "isGateway", Fields.Kind.BOOL,
            "isDefaultGateway", Fields.Kind.BOOL,
            "forceAddress", Fields.Kind.BOOL,
            "ipMasq", Fields.Kind.BOOL,
            "ipMasqBackend", Fields.Kind.STRING,
            "mtu", Fields.Kind.INT,
            "hairpinMode", Fields.Kind.BOOL,
            "promiscMode", Fields.Kind.BOOL,
            "vlan", Fields.Kind.INT,
            "vlanTrunk", Fields.Kind.ARRAY,
            "preserveDefaultVlan", Fields.Kind.BOOL,
            "macspoofchk", Fields.Kind.BOOL,
            "enabledad", Fields.Kind.BOOL,
            "disableContainerInterface", Fields.Kind.BOOL,
            "portIsolation", Fields.Kind.BOOL,
            "ipam", Fields.Kind.OBJECT);

    Bridge(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"bridge"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code bridge}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Bridge from(PluginConfig config) {
        return parse(config, "bridge", Builder::new);
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
     * The bridge device name (plugin default {@code cni0}).
     *
     * @return {@code bridge}, or empty when not set
     */
    public Optional<String> bridge() {
        return str("bridge");
    }

    /**
     * Whether the bridge gets the gateway address.
     *
     * @return {@code isGateway}, or empty when not set
     */
    public Optional<Boolean> isGateway() {
        return bool("isGateway");
    }

    /**
     * Whether the container gets a default route via the bridge.
     *
     * @return {@code isDefaultGateway}, or empty when not set
     */
    public Optional<Boolean> isDefaultGateway() {
        return bool("isDefaultGateway");
    }

    /**
     * Whether a changed gateway address replaces the old one on the bridge.
     *
     * @return {@code forceAddress}, or empty when not set
     */
    public Optional<Boolean> forceAddress() {
        return bool("forceAddress");
    }

    /**
     * Whether traffic leaving the subnet is masqueraded.
     *
     * @return {@code ipMasq}, or empty when not set
     */
    public Optional<Boolean> ipMasq() {
        return bool("ipMasq");
    }

    /**
     * The masquerade backend, {@code iptables} or {@code nftables} (newer plugins).
     *
     * @return {@code ipMasqBackend}, or empty when not set
     */
    public Optional<String> ipMasqBackend() {
        return str("ipMasqBackend");
    }

    /**
     * The MTU of the veth pair (0 = kernel default).
     *
     * @return {@code mtu}, or empty when not set
     */
    public Optional<Integer> mtu() {
        return integer("mtu");
    }

    /**
     * Whether the bridge port reflects traffic back to its sender.
     *
     * @return {@code hairpinMode}, or empty when not set
     */
    public Optional<Boolean> hairpinMode() {
        return bool("hairpinMode");
    }

    /**
     * Whether the bridge runs in promiscuous mode.
     *
     * @return {@code promiscMode}, or empty when not set
     */
    public Optional<Boolean> promiscMode() {
        return bool("promiscMode");
    }

    /**
     * The VLAN tag of the container port (0-4094).
     *
     * @return {@code vlan}, or empty when not set
     */
    public Optional<Integer> vlan() {
        return integer("vlan");
    }

    /**
     * Whether the port keeps the default VLAN 1 (newer plugins).
     *
     * @return {@code preserveDefaultVlan}, or empty when not set
     */
    public Optional<Boolean> preserveDefaultVlan() {
        return bool("preserveDefaultVlan");
    }

    /**
     * Whether MAC spoofing from the container is dropped.
     *
     * @return {@code macspoofchk}, or empty when not set
     */
    public Optional<Boolean> macspoofchk() {
        return bool("macspoofchk");
    }

    /**
     * Whether duplicate address detection runs on the container interface.
     *
     * @return {@code enabledad}, or empty when not set
     */
    public Optional<Boolean> enabledad() {
        return bool("enabledad");
    }

    /**
     * Whether the container interface stays down (newer plugins).
     *
     * @return {@code disableContainerInterface}, or empty when not set
     */
    public Optional<Boolean> disableContainerInterface() {
        return bool("disableContainerInterface");
    }

    /**
     * Whether bridge ports are isolated from each other (newer plugins).
     *
     * @return {@code portIsolation}, or empty when not set
     */
    public Optional<Boolean> portIsolation() {
        return bool("portIsolation");
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
     * Builds {@link Bridge} configs; not thread-safe.
     *
     * <pre>{@code
     * Bridge c = Bridge.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Bridge> {

        Builder(ObjectNode from) {
            super("bridge", from);
        }

        /**
         * Sets {@code bridge}: the bridge device name (plugin default {@code cni0}).
         *
         * @param v the value
         * @return this builder
         */
        public Builder bridge(String v) {
            return set("bridge", v);
        }

        /**
         * Sets {@code isGateway}: whether the bridge gets the gateway address.
         *
         * @param v the value
         * @return this builder
         */
        public Builder isGateway(boolean v) {
            return set("isGateway", v);
        }

        /**
         * Sets {@code isDefaultGateway}: whether the container gets a default route via the bridge.
         *
         * @param v the value
         * @return this builder
         */
        public Builder isDefaultGateway(boolean v) {
            return set("isDefaultGateway", v);
        }

        /**
         * Sets {@code forceAddress}: whether a changed gateway address replaces the old one on the bridge.
         *
         * @param v the value
         * @return this builder
         */
        public Builder forceAddress(boolean v) {
            return set("forceAddress", v);
        }

        /**
         * Sets {@code ipMasq}: whether traffic leaving the subnet is masqueraded.
         *
         * @param v the value
         * @return this builder
         */
        public Builder ipMasq(boolean v) {
            return set("ipMasq", v);
        }

        /**
         * Sets {@code ipMasqBackend}: the masquerade backend, {@code iptables} or {@code nftables} (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder ipMasqBackend(String v) {
            return set("ipMasqBackend", v);
        }

        /**
         * Sets {@code mtu}: the MTU of the veth pair (0 = kernel default).
         *
         * @param v the value
         * @return this builder
         */
        public Builder mtu(int v) {
            return set("mtu", v);
        }

        /**
         * Sets {@code hairpinMode}: whether the bridge port reflects traffic back to its sender.
         *
         * @param v the value
         * @return this builder
         */
        public Builder hairpinMode(boolean v) {
            return set("hairpinMode", v);
        }

        /**
         * Sets {@code promiscMode}: whether the bridge runs in promiscuous mode.
         *
         * @param v the value
         * @return this builder
         */
        public Builder promiscMode(boolean v) {
            return set("promiscMode", v);
        }

        /**
         * Sets {@code vlan}: the VLAN tag of the container port (0-4094).
         *
         * @param v the value
         * @return this builder
         */
        public Builder vlan(int v) {
            return set("vlan", v);
        }

        /**
         * Sets {@code preserveDefaultVlan}: whether the port keeps the default VLAN 1 (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder preserveDefaultVlan(boolean v) {
            return set("preserveDefaultVlan", v);
        }

        /**
         * Sets {@code macspoofchk}: whether MAC spoofing from the container is dropped.
         *
         * @param v the value
         * @return this builder
         */
        public Builder macspoofchk(boolean v) {
            return set("macspoofchk", v);
        }

        /**
         * Sets {@code enabledad}: whether duplicate address detection runs on the container interface.
         *
         * @param v the value
         * @return this builder
         */
        public Builder enabledad(boolean v) {
            return set("enabledad", v);
        }

        /**
         * Sets {@code disableContainerInterface}: whether the container interface stays down (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder disableContainerInterface(boolean v) {
            return set("disableContainerInterface", v);
        }

        /**
         * Sets {@code portIsolation}: whether bridge ports are isolated from each other (newer plugins).
         *
         * @param v the value
         * @return this builder
         */
        public Builder portIsolation(boolean v) {
            return set("portIsolation", v);
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
            Fields.ifName(tree, "bridge");
            Fields.mtu(tree, "mtu");
            Fields.range(tree, "vlan", 0, 4094);
            Fields.oneOf(tree, "ipMasqBackend", "iptables", "nftables");
            Fields.ipam(tree);
        }

        @Override
        Bridge create(ObjectNode t) {
            return new Bridge(t);
        }
    }
}
