package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import io.github.cni4j.plugins.CommonKeys.Masq;
import io.github.cni4j.plugins.CommonKeys.Mtu;
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
public abstract class Ptp extends DeclaredSpec<Ptp.Builder> implements Masq, Mtu, Ipam {

    /** {@return a new builder with {@code "type":"ptp"}} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void checkKeys() {
        if (rawField("ipam").isEmpty()) {
            throw new IllegalArgumentException("ipam: required by the ptp plugin");
        }
    }

    Ptp() {
    }

    /** Builds {@link Ptp} configs, one setter per key (not thread-safe), e.g.
     * {@code Ptp.builder().build()}. */
    public static final class Builder extends ImmutablePtp.Builder implements SpecBuilder<Builder, Ptp> {

        Builder() {
        }
    }
}
