package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import java.util.Set;
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
@PluginStyle
@PluginType("vlan")
public abstract class Vlan extends DeclaredSpec {

    /** The capabilities this plugin consumes: {@code ips}, {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    Vlan() {
    }

    /** {@return a new builder with {@code "type":"vlan"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code vlan}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Vlan from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

    /**
     * The parent interface (required).
     *
     * @return {@code master}, or empty when not set
     */
    @Key(ifName = true)
    public abstract Optional<String> master();

    /**
     * The VLAN id (0-4094, required).
     *
     * @return {@code vlanId}, or empty when not set
     */
    @Key(min = 0, max = 4094)
    public abstract Optional<Integer> vlanId();

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

    @Override
    void checkKeys() {
        if (rawField("master").isEmpty()) {
            throw new IllegalArgumentException("master: required by the vlan plugin");
        }
        if (rawField("vlanId").isEmpty()) {
            throw new IllegalArgumentException("vlanId: required by the vlan plugin");
        }
    }

    /**
     * Builds {@link Vlan} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Vlan c = Vlan.builder().build();
     * }</pre>
     */
    public static final class Builder extends ImmutableVlan.Builder implements SpecBuilder<Builder, Vlan> {

        Builder() {
        }
    }
}
