package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code host-device} plugin: moves an existing host device into the container; name it by exactly one of {@code device}, {@code hwaddr}, {@code kernelpath} or {@code pciBusID} (or the {@code deviceID} capability).
 *
 * <pre>{@code
 * HostDevice d = HostDevice.builder().device("eth1").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HostDevice extends PluginSpec {

    /** The capabilities this plugin consumes: {@code deviceID}, {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("deviceID", "ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("device", Fields.Kind.STRING,
            "hwaddr", Fields.Kind.STRING,
            "kernelpath", Fields.Kind.STRING,
            "pciBusID", Fields.Kind.STRING,
            "ipam", Fields.Kind.OBJECT);

    HostDevice(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"host-device"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code host-device}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static HostDevice from(PluginConfig config) {
        return parse(config, "host-device", Builder::new);
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
     * The host device name.
     *
     * @return {@code device}, or empty when not set
     */
    public Optional<String> device() {
        return str("device");
    }

    /**
     * The MAC address of the device.
     *
     * @return {@code hwaddr}, or empty when not set
     */
    public Optional<String> hwaddr() {
        return str("hwaddr");
    }

    /**
     * The kernel device path of the device.
     *
     * @return {@code kernelpath}, or empty when not set
     */
    public Optional<String> kernelpath() {
        return str("kernelpath");
    }

    /**
     * The PCI address of the device.
     *
     * @return {@code pciBusID}, or empty when not set
     */
    public Optional<String> pciBusID() {
        return str("pciBusID");
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
     * Builds {@link HostDevice} configs; not thread-safe.
     *
     * <pre>{@code
     * HostDevice c = HostDevice.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, HostDevice> {

        Builder(ObjectNode from) {
            super("host-device", from);
        }

        /**
         * Sets {@code device}: the host device name.
         *
         * @param v the value
         * @return this builder
         */
        public Builder device(String v) {
            return set("device", v);
        }

        /**
         * Sets {@code hwaddr}: the MAC address of the device.
         *
         * @param v the value
         * @return this builder
         */
        public Builder hwaddr(String v) {
            return set("hwaddr", v);
        }

        /**
         * Sets {@code kernelpath}: the kernel device path of the device.
         *
         * @param v the value
         * @return this builder
         */
        public Builder kernelpath(String v) {
            return set("kernelpath", v);
        }

        /**
         * Sets {@code pciBusID}: the PCI address of the device.
         *
         * @param v the value
         * @return this builder
         */
        public Builder pciBusID(String v) {
            return set("pciBusID", v);
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
            Fields.ifName(tree, "device");
            long named = List.of("device", "hwaddr", "kernelpath", "pciBusID").stream().filter(tree::has).count();
            if (named > 1) {
                throw new IllegalArgumentException("device: specify only one of device, hwaddr, kernelpath, pciBusID");
            }
            Fields.ipam(tree);
        }

        @Override
        HostDevice create(ObjectNode t) {
            return new HostDevice(t);
        }
    }
}
