package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code macvlan} plugin: a macvlan sub-interface of {@code master} moved into the container.
 *
 * <pre>{@code
 * Macvlan m = Macvlan.builder().master("eth0").mode("bridge")
 *         .ipam(Dhcp.builder().build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "macvlan", capabilities = {"mac", "ips", "ipRanges"})
public abstract class Macvlan extends DeclaredSpec<Macvlan.Builder> {

    Macvlan() {
    }

    /** {@return a new builder with {@code "type":"macvlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the typed view of {@code config}, unknown keys kept (errors: {@link PluginSpec})}
     * @param config a config of type {@code macvlan} */
    public static Macvlan from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return the parent interface (plugin default: the interface of the default route), or empty when not set} */
    @Key(ifName = true)
    public abstract Optional<String> master();

    /** {@return the macvlan mode: {@code bridge} (default), {@code private}, {@code vepa} or {@code passthru}, or empty
     * when not set} */
    @Key(oneOf = {"bridge", "private", "vepa", "passthru"})
    public abstract Optional<String> mode();

    /** {@return the MTU (at most the parent's), or empty when not set} */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /** {@return A fixed MAC address for the container interface, or empty when not set} */
    public abstract Optional<String> mac();

    /** {@return whether {@code master} lives in the container netns, or empty when not set} */
    public abstract Optional<Boolean> linkInContainer();

    /** {@return the broadcast queue length (newer plugins), or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Integer> bcqueuelen();

    /** {@return the nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others),
     * or empty} */
    public abstract Optional<IpamSpec> ipam();

    /** Builds {@link Macvlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Macvlan.builder().build()}. */
    public static final class Builder extends ImmutableMacvlan.Builder implements SpecBuilder<Builder, Macvlan> {

        Builder() {
        }
    }
}
