package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import io.github.cni4j.plugins.CommonKeys.Link;
import io.github.cni4j.plugins.CommonKeys.Mtu;
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
public abstract class Ipvlan extends DeclaredSpec<Ipvlan.Builder> implements Link, Mtu, Ipam {

    /** {@return a new builder with {@code "type":"ipvlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the ipvlan mode: {@code l2} (default), {@code l3} or {@code l3s}, or empty when not set} */
    @Key(oneOf = {"l2", "l3", "l3s"})
    public abstract Optional<String> mode();

    Ipvlan() {
    }

    /** Builds {@link Ipvlan} configs, one setter per key (not thread-safe), e.g.
     * {@code Ipvlan.builder().build()}. */
    public static final class Builder extends ImmutableIpvlan.Builder implements SpecBuilder<Builder, Ipvlan> {

        Builder() {
        }
    }
}
