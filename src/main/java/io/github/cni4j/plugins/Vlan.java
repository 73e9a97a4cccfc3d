package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
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
public abstract class Vlan extends DeclaredSpec<Vlan.Builder> {

    Vlan() {
    }

    /** {@return a new builder with {@code "type":"vlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the typed view of {@code config}, unknown keys kept (errors: {@link PluginSpec})}
     * @param config a config of type {@code vlan} */
    public static Vlan from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return the parent interface (required), or empty when not set} */
    @Key(ifName = true)
    public abstract Optional<String> master();

    /** {@return the VLAN id (0-4094, required), or empty when not set} */
    @Key(min = 0, max = 4094)
    public abstract Optional<Integer> vlanId();

    /** {@return the MTU (at most the parent's), or empty when not set} */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /** {@return whether {@code master} lives in the container netns, or empty when not set} */
    public abstract Optional<Boolean> linkInContainer();

    /** {@return the nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others),
     * or empty} */
    public abstract Optional<IpamSpec> ipam();

    @Override
    void checkKeys() {
        if (rawField("master").isEmpty()) {
            throw new IllegalArgumentException("master: required by the vlan plugin");
        }
        if (rawField("vlanId").isEmpty()) {
            throw new IllegalArgumentException("vlanId: required by the vlan plugin");
        }
    }

    /** Builds {@link Vlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Vlan.builder().build()}. */
    public static final class Builder extends ImmutableVlan.Builder implements SpecBuilder<Builder, Vlan> {

        Builder() {
        }
    }
}
