package io.github.cni4j.plugins;

import java.util.Optional;
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
@PluginType("firewall")
public abstract class Firewall extends DeclaredSpec<Firewall.Builder> {

    /** {@return a new builder with {@code "type":"firewall"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the backend, {@code iptables}, {@code firewalld} or empty (the plugin default: firewalld when running),
     * or empty when not set} */
    @Key(oneOf = {"", "iptables", "firewalld"})
    public abstract Optional<String> backend();

    /** {@return the admin chain (plugin default {@code CNI-ADMIN}), or empty when not set} */
    public abstract Optional<String> iptablesAdminChainName();

    /** {@return the firewalld zone (plugin default {@code trusted}), or empty when not set} */
    public abstract Optional<String> firewalldZone();

    /** {@return the ingress policy: {@code open} (default), {@code same-bridge}, or {@code isolated} (plugins 1.7.1 and
     * later only), or empty when not set} */
    @Key(oneOf = {"", "open", "same-bridge", "isolated"})
    public abstract Optional<String> ingressPolicy();

    Firewall() {
    }

    /** Builds {@link Firewall} configs, one setter per key (not thread-safe), e.g.
     * {@code Firewall.builder().build()}. */
    public static final class Builder extends ImmutableFirewall.Builder implements SpecBuilder<Builder, Firewall> {

        Builder() {
        }
    }
}
