package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import io.github.cni4j.plugins.CommonKeys.Link;
import io.github.cni4j.plugins.CommonKeys.Mtu;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
@PluginType(value = "vlan", capabilities = {"ips", "ipRanges"})
public abstract class Vlan extends DeclaredSpec<Vlan.Builder> implements Link, Mtu, Ipam {

    /** {@return a new builder with {@code "type":"vlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the VLAN id (0-4094, required), or empty when not set} */
    @Key(min = 0, max = 4094)
    public abstract Optional<Integer> vlanId();

    @Override
    void checkKeys() {
        if (rawField("master").isEmpty()) {
            throw new IllegalArgumentException("master: required by the vlan plugin");
        }
        if (rawField("vlanId").isEmpty()) {
            throw new IllegalArgumentException("vlanId: required by the vlan plugin");
        }
    }

    Vlan() {
    }

    /** Builds {@link Vlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Vlan.builder().build()}. */
    public static final class Builder extends ImmutableVlan.Builder implements SpecBuilder<Builder, Vlan> {

        Builder() {
        }
    }
}
