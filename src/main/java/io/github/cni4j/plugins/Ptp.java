package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ptp} plugin: a veth pair with host-side routing and no bridge; {@code ipam} is required.
 *
 * <pre>{@code
 * Ptp p = Ptp.builder().ipMasq(true)
 *         .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.1.1.0/24")).build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Ptp extends PluginSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("ipMasq", Fields.Kind.BOOL,
            "ipMasqBackend", Fields.Kind.STRING,
            "mtu", Fields.Kind.INT,
            "ipam", Fields.Kind.OBJECT);

    Ptp(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"ptp"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code ptp}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Ptp from(PluginConfig config) {
        return parse(config, "ptp", Builder::new);
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
     * The nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others).
     *
     * @return the typed {@code ipam}, or empty
     */
    public Optional<IpamSpec> ipam() {
        return Fields.ipamIn(tree());
    }

    /**
     * Builds {@link Ptp} configs; not thread-safe.
     *
     * <pre>{@code
     * Ptp c = Ptp.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, Ptp> {

        Builder(ObjectNode from) {
            super("ptp", from);
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
            Fields.mtu(tree, "mtu");
            Fields.oneOf(tree, "ipMasqBackend", "iptables", "nftables");
            if (!tree.has("ipam")) {
                throw new IllegalArgumentException("ipam: required by the ptp plugin");
            }
            Fields.ipam(tree);
        }

        @Override
        Ptp create(ObjectNode t) {
            return new Ptp(t);
        }
    }
}
