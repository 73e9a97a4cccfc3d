package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.DataDir;
import io.github.cni4j.plugins.CommonKeys.DataDirSetters;
import io.github.cni4j.plugins.CommonKeys.Mac;
import io.github.cni4j.plugins.CommonKeys.Mtu;
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
public abstract class Tuning extends DeclaredSpec<Tuning.Builder> implements Mac, Mtu, DataDir {

    /** {@return a new builder with {@code "type":"tuning"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the sysctls to set in the container (only {@code net.*} names are accepted by the plugin) as name to
     * value; empty when absent} */
    public abstract Map<String, String> sysctl();

    /** {@return whether the interface is promiscuous, or empty when not set} */
    public abstract Optional<Boolean> promisc();

    /** {@return the transmit queue length, or empty when not set} */
    @Key(min = 0)
    public abstract Optional<Integer> txQLen();

    /** {@return whether all-multicast mode is on, or empty when not set} */
    public abstract Optional<Boolean> allmulti();

    @Override
    void checkKeys() {
        sysctl().keySet().forEach(k -> {
            if (!k.startsWith("net.")) {
                throw new IllegalArgumentException("sysctl/" + k
                        + ": only net.* sysctls with string values are allowed");
            }
        });
    }

    Tuning() {
    }

    /** Builds {@link Tuning} configs, one setter per key (not thread-safe), e.g.
     * {@code Tuning.builder().putSysctl("net.ipv4.conf.all.log_martians", "1").promisc(true).build()}. */
    public static final class Builder extends ImmutableTuning.Builder implements SpecBuilder<Builder, Tuning>,
            DataDirSetters<Builder> {

        Builder() {
        }

    }
}
