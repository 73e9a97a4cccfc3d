package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

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
@Value.Immutable
@PluginStyle
@PluginType("bridge")
public abstract class Bridge extends DeclaredSpec {

    /** The capabilities this plugin consumes: {@code mac}, {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("mac", "ips", "ipRanges");

    Bridge() {
    }

    /** {@return a new builder with {@code "type":"bridge"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code bridge}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Bridge from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

    /**
     * The bridge device name (plugin default {@code cni0}).
     *
     * @return {@code bridge}, or empty when not set
     */
    @Key(ifName = true)
    public abstract Optional<String> bridge();

    /**
     * Whether the bridge gets the gateway address.
     *
     * @return {@code isGateway}, or empty when not set
     */
    public abstract Optional<Boolean> isGateway();

    /**
     * Whether the container gets a default route via the bridge.
     *
     * @return {@code isDefaultGateway}, or empty when not set
     */
    public abstract Optional<Boolean> isDefaultGateway();

    /**
     * Whether a changed gateway address replaces the old one on the bridge.
     *
     * @return {@code forceAddress}, or empty when not set
     */
    public abstract Optional<Boolean> forceAddress();

    /**
     * Whether traffic leaving the subnet is masqueraded.
     *
     * @return {@code ipMasq}, or empty when not set
     */
    public abstract Optional<Boolean> ipMasq();

    /**
     * The masquerade backend, {@code iptables} or {@code nftables} (newer plugins).
     *
     * @return {@code ipMasqBackend}, or empty when not set
     */
    @Key(oneOf = {"iptables", "nftables"})
    public abstract Optional<String> ipMasqBackend();

    /**
     * The MTU of the veth pair (0 = kernel default).
     *
     * @return {@code mtu}, or empty when not set
     */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /**
     * Whether the bridge port reflects traffic back to its sender.
     *
     * @return {@code hairpinMode}, or empty when not set
     */
    public abstract Optional<Boolean> hairpinMode();

    /**
     * Whether the bridge runs in promiscuous mode.
     *
     * @return {@code promiscMode}, or empty when not set
     */
    public abstract Optional<Boolean> promiscMode();

    /**
     * The VLAN tag of the container port (0-4094).
     *
     * @return {@code vlan}, or empty when not set
     */
    @Key(min = 0, max = 4094)
    public abstract Optional<Integer> vlan();

    /**
     * The VLAN trunk of the container port as JSON text, e.g. {@code [{"minID":100,"maxID":110}]}.
     *
     * @return {@code vlanTrunk}, or empty when not set
     */
    @Key(json = Fields.Kind.ARRAY, schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
            + "\"id\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094},"
            + "\"minID\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094},"
            + "\"maxID\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094}}}}")
    public abstract Optional<String> vlanTrunk();

    /**
     * Whether the port keeps the default VLAN 1 (newer plugins).
     *
     * @return {@code preserveDefaultVlan}, or empty when not set
     */
    public abstract Optional<Boolean> preserveDefaultVlan();

    /**
     * Whether MAC spoofing from the container is dropped.
     *
     * @return {@code macspoofchk}, or empty when not set
     */
    public abstract Optional<Boolean> macspoofchk();

    /**
     * Whether duplicate address detection runs on the container interface.
     *
     * @return {@code enabledad}, or empty when not set
     */
    public abstract Optional<Boolean> enabledad();

    /**
     * Whether the container interface stays down (newer plugins).
     *
     * @return {@code disableContainerInterface}, or empty when not set
     */
    public abstract Optional<Boolean> disableContainerInterface();

    /**
     * Whether bridge ports are isolated from each other (newer plugins).
     *
     * @return {@code portIsolation}, or empty when not set
     */
    public abstract Optional<Boolean> portIsolation();

    /**
     * The nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others).
     *
     * @return the typed {@code ipam}, or empty
     */
    public abstract Optional<IpamSpec> ipam();

    /**
     * Builds {@link Bridge} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Bridge c = Bridge.builder().bridge("c4jbr0").isGateway(true).vlan(10).build();
     * }</pre>
     */
    public static final class Builder extends ImmutableBridge.Builder implements SpecBuilder<Builder, Bridge> {

        Builder() {
        }
    }
}
