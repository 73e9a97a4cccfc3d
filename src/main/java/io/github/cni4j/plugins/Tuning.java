package io.github.cni4j.plugins;

import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
@PluginType(value = "tuning", capabilities = {"mac"})
public abstract class Tuning extends DeclaredSpec<Tuning.Builder> {

    Tuning() {
    }

    /** {@return a new builder with {@code "type":"tuning"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the typed view of {@code config}, unknown keys kept (errors: {@link PluginSpec})}
     * @param config a config of type {@code tuning} */
    public static Tuning from(PluginConfig config) {
        return SpecDecoder.decode(config, new Builder());
    }

    /** {@return the sysctls to set in the container (only {@code net.*} names are accepted by the plugin) as name to
     * value; empty when absent} */
    public abstract Map<String, String> sysctl();

    /** {@return the MAC address to set, or empty when not set} */
    public abstract Optional<String> mac();

    /** {@return whether the interface is promiscuous, or empty when not set} */
    public abstract Optional<Boolean> promisc();

    /** {@return the MTU to set, or empty when not set} */
    @Key(mtu = true)
    public abstract Optional<Integer> mtu();

    /** {@return the transmit queue length, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Integer> txQLen();

    /** {@return whether all-multicast mode is on, or empty when not set} */
    public abstract Optional<Boolean> allmulti();

    /** {@return where the original settings are saved (plugin default {@code /run/cni/tuning}),
     * or empty when not set} */
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

    /** Builds {@link Tuning} configs, one setter per key (not thread-safe), e.g.
     * {@code Tuning.builder().putSysctl("net.ipv4.conf.all.log_martians", "1").promisc(true).build()}. */
    public static final class Builder extends ImmutableTuning.Builder implements SpecBuilder<Builder, Tuning> {

        Builder() {
        }

        /** Sets {@code dataDir}: where the original settings are saved.
         * @param dir the directory
         * @return this builder */
        public Builder dataDir(Path dir) {
            return dataDir(dir.toString());
        }
    }
}
