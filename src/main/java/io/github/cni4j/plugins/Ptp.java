package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

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
@Value.Immutable
@PluginStyle
@PluginType("ptp")
public abstract class Ptp extends DeclaredSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    Ptp() {
    }

    /** {@return a new builder with {@code "type":"ptp"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code ptp}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Ptp from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

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
     * The nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others).
     *
     * @return the typed {@code ipam}, or empty
     */
    public abstract Optional<IpamSpec> ipam();

    @Override
    void checkKeys() {
        if (rawField("ipam").isEmpty()) {
            throw new IllegalArgumentException("ipam: required by the ptp plugin");
        }
    }

    /**
     * Builds {@link Ptp} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Ptp c = Ptp.builder().build();
     * }</pre>
     */
    public static final class Builder extends ImmutablePtp.Builder implements SpecBuilder<Builder, Ptp> {

        Builder() {
        }
    }
}
