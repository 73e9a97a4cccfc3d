package io.github.cni4j.plugins;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code sbr} (source-based routing) chained plugin: a routing table per container address.
 *
 * <pre>{@code
 * Sbr sbr = Sbr.builder().table(200).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType("sbr")
public abstract class Sbr extends DeclaredSpec<Sbr.Builder> {

    /** {@return a new builder with {@code "type":"sbr"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the first routing table number to use (plugin default 100), or empty when not set} */
    @Key(min = 1, max = 0xFFFF_FFFFL)
    public abstract Optional<Long> table();

    Sbr() {
    }

    /** Builds {@link Sbr} configs, one setter per key (not thread-safe), e.g.
     * {@code Sbr.builder().build()}. */
    public static final class Builder extends ImmutableSbr.Builder implements SpecBuilder<Builder, Sbr> {

        Builder() {
        }
    }
}
