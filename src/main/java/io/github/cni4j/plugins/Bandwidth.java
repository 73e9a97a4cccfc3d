package io.github.cni4j.plugins;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code bandwidth} chained plugin: token-bucket shaping in bits per second and bits (capability {@code bandwidth}, enabled by default by the builder).
 *
 * <pre>{@code
 * Bandwidth bw = Bandwidth.builder().ingressRate(1_000_000).ingressBurst(100_000).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "bandwidth", capabilities = {"bandwidth"})
public abstract class Bandwidth extends DeclaredSpec<Bandwidth.Builder> {

    /** {@return a new builder with {@code "type":"bandwidth"}} */
    public static Builder builder() {
        return new Builder().capability("bandwidth", true);
    }

    /** {@return the ingress rate in bit/s, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Long> ingressRate();

    /** {@return the ingress burst in bits, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Long> ingressBurst();

    /** {@return the egress rate in bit/s, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Long> egressRate();

    /** {@return the egress burst in bits, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Long> egressBurst();

    @Override
    void checkKeys() {
        checkPair("ingress", ingressRate(), ingressBurst());
        checkPair("egress", egressRate(), egressBurst());
    }

    /** The plugin's rule: rate and burst come together, both non-negative, burst under 4 GB. */
    private static void checkPair(String dir, Optional<Long> rate, Optional<Long> burst) {
        if (rate.isPresent() != burst.isPresent() || rate.orElse(1L) < 0 || burst.orElse(1L) < 0) {
            throw new IllegalArgumentException(dir + "Rate/" + dir + "Burst: if rate is set, burst must also be set "
                    + "(and both non-negative)");
        }
        if (burst.orElse(0L) / 8 >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(dir + "Burst: burst cannot be more than 4GB");
        }
    }

    Bandwidth() {
    }

    /** Builds {@link Bandwidth} configs, one setter per key (not thread-safe), e.g.
     * {@code Bandwidth.builder().build()}. */
    public static final class Builder extends ImmutableBandwidth.Builder implements SpecBuilder<Builder, Bandwidth> {

        Builder() {
        }
    }
}
