package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
@PluginType(value = "ipvlan", capabilities = {"ips", "ipRanges"})
public abstract class Ipvlan extends DeclaredSpec<Ipvlan.Builder> {

    Ipvlan() {
    }

    /** {@return a new builder with {@code "type":"ipvlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the typed view of {@code config}, unknown keys kept (errors: {@link PluginSpec})}
     * @param config a config of type {@code ipvlan} */
    public static Ipvlan from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return the parent interface (plugin default: the interface of the default route), or empty when not set} */
    @Key(ifName = true)
    public abstract Optional<String> master();

    /** {@return the ipvlan mode: {@code l2} (default), {@code l3} or {@code l3s}, or empty when not set} */
    @Key(oneOf = {"l2", "l3", "l3s"})
    public abstract Optional<String> mode();

    /** {@return the MTU (at most the parent's), or empty when not set} */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /** {@return whether {@code master} lives in the container netns, or empty when not set} */
    public abstract Optional<Boolean> linkInContainer();

    /** {@return the nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others),
     * or empty} */
    public abstract Optional<IpamSpec> ipam();

    /** Builds {@link Ipvlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Ipvlan.builder().build()}. */
    public static final class Builder extends ImmutableIpvlan.Builder implements SpecBuilder<Builder, Ipvlan> {

        Builder() {
        }
    }
}
