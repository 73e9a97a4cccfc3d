package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.util.Set;
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
@PluginStyle
@PluginType("loopback")
public abstract class Loopback extends DeclaredSpec {

    /** The capabilities this plugin consumes: none. */
    public static final Set<String> CAPABILITIES = Set.of();

    Loopback() {
    }

    /** {@return a new builder with {@code "type":"loopback"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code loopback}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Loopback from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }


    /**
     * Builds {@link Loopback} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Loopback c = Loopback.builder().build();
     * }</pre>
     */
    public static final class Builder extends ImmutableLoopback.Builder implements SpecBuilder<Builder, Loopback> {

        Builder() {
        }
    }
}
