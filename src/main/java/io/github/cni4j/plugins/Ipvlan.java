package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import java.util.Set;
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
@PluginStyle
@PluginType("ipvlan")
public abstract class Ipvlan extends DeclaredSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    Ipvlan() {
    }

    /** {@return a new builder with {@code "type":"ipvlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code ipvlan}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Ipvlan from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

    /**
     * The parent interface (plugin default: the interface of the default route).
     *
     * @return {@code master}, or empty when not set
     */
    @Key(ifName = true)
    public abstract Optional<String> master();

    /**
     * The ipvlan mode: {@code l2} (default), {@code l3} or {@code l3s}.
     *
     * @return {@code mode}, or empty when not set
     */
    @Key(oneOf = {"l2", "l3", "l3s"})
    public abstract Optional<String> mode();

    /**
     * The MTU (at most the parent's).
     *
     * @return {@code mtu}, or empty when not set
     */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /**
     * Whether {@code master} lives in the container netns.
     *
     * @return {@code linkInContainer}, or empty when not set
     */
    public abstract Optional<Boolean> linkInContainer();

    /**
     * The nested IPAM config, when its type is one cni4j models (see {@link #rawField(String)} for others).
     *
     * @return the typed {@code ipam}, or empty
     */
    public abstract Optional<IpamSpec> ipam();

    /**
     * Builds {@link Ipvlan} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Ipvlan c = Ipvlan.builder().build();
     * }</pre>
     */
    public static final class Builder extends ImmutableIpvlan.Builder implements SpecBuilder<Builder, Ipvlan> {

        Builder() {
        }
    }
}
