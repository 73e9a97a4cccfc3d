package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The {@code firewall} chained plugin: iptables or firewalld rules admitting the container's traffic, and the {@code ingressPolicy} between bridges.
 *
 * <pre>{@code
 * Firewall fw = Firewall.builder().backend("iptables").ingressPolicy("same-bridge").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginStyle
@PluginType("firewall")
public abstract class Firewall extends DeclaredSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    Firewall() {
    }

    /** {@return a new builder with {@code "type":"firewall"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code firewall}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Firewall from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

    /**
     * The backend, {@code iptables}, {@code firewalld} or empty (the plugin default: firewalld when running).
     *
     * @return {@code backend}, or empty when not set
     */
    @Key(oneOf = {"", "iptables", "firewalld"})
    public abstract Optional<String> backend();

    /**
     * The admin chain (plugin default {@code CNI-ADMIN}).
     *
     * @return {@code iptablesAdminChainName}, or empty when not set
     */
    public abstract Optional<String> iptablesAdminChainName();

    /**
     * The firewalld zone (plugin default {@code trusted}).
     *
     * @return {@code firewalldZone}, or empty when not set
     */
    public abstract Optional<String> firewalldZone();

    /**
     * The ingress policy: {@code open} (default), {@code same-bridge}, or {@code isolated} (plugins 1.7.1 and later only).
     *
     * @return {@code ingressPolicy}, or empty when not set
     */
    @Key(oneOf = {"", "open", "same-bridge", "isolated"})
    public abstract Optional<String> ingressPolicy();

    /**
     * Builds {@link Firewall} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Firewall c = Firewall.builder().build();
     * }</pre>
     */
    public static final class Builder extends ImmutableFirewall.Builder implements SpecBuilder<Builder, Firewall> {

        Builder() {
        }
    }
}
