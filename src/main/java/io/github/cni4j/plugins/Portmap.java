package io.github.cni4j.plugins;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code portmap} chained plugin: forwards host ports to the container (capability {@code portMappings},
 * enabled by default by the builder).
 *
 * <pre>{@code
 * Portmap pm = Portmap.builder().build();
 * // {"capabilities":{"portMappings":true},"type":"portmap"}
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "portmap", capabilities = {"portMappings"})
public abstract class Portmap extends DeclaredSpec<Portmap.Builder> {

    /** {@return a new builder with {@code "type":"portmap"} and capability {@code portMappings} enabled} */
    public static Builder builder() {
        return new Builder().capability("portMappings", true);
    }

    /** {@return whether hairpin/localhost traffic is SNATed (plugin default true), or empty when not set} */
    public abstract Optional<Boolean> snat();

    /** {@return the mark bit for masquerading (0-31, plugin default 13), or empty when not set} */
    @Key(min = 0, max = 31)
    public abstract Optional<Integer> markMasqBit();

    /** {@return an existing chain that sets the masquerade mark, or empty when not set} */
    public abstract Optional<String> externalSetMarkChain();

    /** {@return extra iptables match arguments for IPv4 rules, e.g. {@code ["-s", "10.0.0.0/8"]};
     * empty when not set} */
    public abstract List<String> conditionsV4();

    /** {@return extra ip6tables match arguments for IPv6 rules; empty when not set} */
    public abstract List<String> conditionsV6();

    /** {@return whether all forwarded traffic is masqueraded (newer plugins), or empty when not set} */
    public abstract Optional<Boolean> masqAll();

    /** {@return the backend, {@code iptables} or {@code nftables} (newer plugins), or empty when not set} */
    @Key(oneOf = {"iptables", "nftables"})
    public abstract Optional<String> backend();

    @Override
    void checkKeys() {
        if (markMasqBit().isPresent() && externalSetMarkChain().isPresent()) {
            throw new IllegalArgumentException("markMasqBit: cannot be used with externalSetMarkChain");
        }
    }

    Portmap() {
    }

    /** Builds {@link Portmap} configs, one setter per key (not thread-safe), e.g.
     * {@code Portmap.builder().snat(false).addConditionsV4("-s", "10.0.0.0/8").build()}. */
    public static final class Builder extends ImmutablePortmap.Builder implements SpecBuilder<Builder, Portmap> {

        Builder() {
        }
    }
}
