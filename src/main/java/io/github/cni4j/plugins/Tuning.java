package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The {@code tuning} chained plugin: sysctls and link settings of the container interface.
 *
 * <pre>{@code
 * Tuning t = Tuning.builder().putSysctl("net.core.somaxconn", "500").mtu(1400).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginStyle
@PluginType("tuning")
public abstract class Tuning extends DeclaredSpec {

    /** The capabilities this plugin consumes: {@code mac}. */
    public static final Set<String> CAPABILITIES = Set.of("mac");

    Tuning() {
    }

    /** {@return a new builder with {@code "type":"tuning"}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the typed view of a config of this plugin, unknown keys kept}
     *
     * @param config a config of type {@code tuning}
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static Tuning from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return a builder holding this config's keys} */
    public Builder toBuilder() {
        return SpecDecoder.fill(new Builder(), tree());
    }

    /**
     * The sysctls to set in the container (only {@code net.*} names are accepted by the plugin).
     *
     * @return {@code sysctl} as name to value; empty when absent
     */
    public abstract Map<String, String> sysctl();

    /**
     * The MAC address to set.
     *
     * @return {@code mac}, or empty when not set
     */
    public abstract Optional<String> mac();

    /**
     * Whether the interface is promiscuous.
     *
     * @return {@code promisc}, or empty when not set
     */
    public abstract Optional<Boolean> promisc();

    /**
     * The MTU to set.
     *
     * @return {@code mtu}, or empty when not set
     */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /**
     * The transmit queue length.
     *
     * @return {@code txQLen}, or empty when not set
     */
    @Key(min = 0)
    public abstract Optional<Integer> txQLen();

    /**
     * Whether all-multicast mode is on.
     *
     * @return {@code allmulti}, or empty when not set
     */
    public abstract Optional<Boolean> allmulti();

    /**
     * Where the original settings are saved (plugin default {@code /run/cni/tuning}).
     *
     * @return {@code dataDir}, or empty when not set
     */
    public abstract Optional<String> dataDir();

    @Override
    void checkKeys() {
        sysctl().keySet().forEach(k -> {
            if (!k.startsWith("net.")) {
                throw new IllegalArgumentException("sysctl/" + k
                        + ": only net.* sysctls with string values are allowed");
            }
        });
    }

    /**
     * Builds {@link Tuning} configs: one setter per key, generated from the accessors; not thread-safe.
     *
     * <pre>{@code
     * Tuning c = Tuning.builder().putSysctl("net.ipv4.conf.all.log_martians", "1").promisc(true).build();
     * }</pre>
     */
    public static final class Builder extends ImmutableTuning.Builder implements SpecBuilder<Builder, Tuning> {

        Builder() {
        }

        /**
         * Sets {@code dataDir}: where the original settings are saved.
         *
         * @param dir the directory
         * @return this builder
         */
        public Builder dataDir(Path dir) {
            return dataDir(dir.toString());
        }
    }
}
