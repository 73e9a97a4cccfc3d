package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
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
@PluginType(value = "ptp", capabilities = {"ips", "ipRanges"})
public abstract class Ptp extends DeclaredSpec<Ptp.Builder> {

    Ptp() {
    }

    /** {@return a new builder with {@code "type":"ptp"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the typed view of {@code config}, unknown keys kept (errors: {@link PluginSpec})}
     * @param config a config of type {@code ptp} */
    public static Ptp from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return whether traffic leaving the subnet is masqueraded, or empty when not set} */
    public abstract Optional<Boolean> ipMasq();

    /** {@return the masquerade backend, {@code iptables} or {@code nftables} (newer plugins), or empty when not set} */
    @Key(oneOf = {"iptables", "nftables"})
    public abstract Optional<String> ipMasqBackend();

    /** {@return the MTU of the veth pair (0 = kernel default), or empty when not set} */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /** {@return the nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others),
     * or empty} */
    public abstract Optional<IpamSpec> ipam();

    @Override
    void checkKeys() {
        if (rawField("ipam").isEmpty()) {
            throw new IllegalArgumentException("ipam: required by the ptp plugin");
        }
    }

    /** Builds {@link Ptp} configs, one setter per key (not thread-safe), e.g.
     * {@code Ptp.builder().build()}. */
    public static final class Builder extends ImmutablePtp.Builder implements SpecBuilder<Builder, Ptp> {

        Builder() {
        }
    }
}
