package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import io.github.cni4j.plugins.CommonKeys.Link;
import io.github.cni4j.plugins.CommonKeys.Mac;
import io.github.cni4j.plugins.CommonKeys.Mtu;
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
public abstract class Macvlan extends DeclaredSpec<Macvlan.Builder> implements Link, Mtu, Mac, Ipam {

    /** {@return a new builder with {@code "type":"macvlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the macvlan mode: {@code bridge} (default), {@code private}, {@code vepa} or {@code passthru}, or empty
     * when not set} */
    @Key(oneOf = {"bridge", "private", "vepa", "passthru"})
    public abstract Optional<String> mode();

    /** {@return the broadcast queue length (newer plugins), or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Integer> bcqueuelen();

    Macvlan() {
    }

    /** Builds {@link Macvlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Macvlan.builder().build()}. */
    public static final class Builder extends ImmutableMacvlan.Builder implements SpecBuilder<Builder, Macvlan> {

        Builder() {
        }
    }
}
