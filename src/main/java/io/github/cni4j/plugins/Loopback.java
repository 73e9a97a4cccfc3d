package io.github.cni4j.plugins;

import org.immutables.value.Value;

/**
 * The {@code loopback} plugin: brings {@code lo} up in the container; it reads no keys.
 *
 * <pre>{@code
 * Loopback lo = Loopback.builder().build();   // {"type":"loopback"}
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType("loopback")
public abstract class Loopback extends DeclaredSpec<Loopback.Builder> {

    /** {@return a new builder with {@code "type":"loopback"}} */
    public static Builder builder() {
        return new Builder();
    }

    Loopback() {
    }

    /** Builds {@link Loopback} configs, one setter per key (not thread-safe), e.g.
     * {@code Loopback.builder().build()}. */
    public static final class Builder extends ImmutableLoopback.Builder implements SpecBuilder<Builder, Loopback> {

        Builder() {
        }
    }
}
