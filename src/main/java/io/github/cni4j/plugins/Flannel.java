package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.DataDir;
import io.github.cni4j.plugins.CommonKeys.DataDirSetters;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code flannel} plugin config (config only: the binary is not in the reference set); it reads flannel's subnet file and delegates to another plugin.
 *
 * <pre>{@code
 * Flannel f = Flannel.builder().delegate(Bridge.builder().isDefaultGateway(true).build()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType("flannel")
public abstract class Flannel extends DeclaredSpec<Flannel.Builder> implements DataDir {

    /** {@return a new builder with {@code "type":"flannel"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return flannel's subnet file (plugin default {@code /run/flannel/subnet.env}), or empty when not set} */
    public abstract Optional<String> subnetFile();

    /** {@return the plugin object flannel completes and calls (default type {@code bridge}) as compact JSON text, or
     * empty when not set} */
    @Key(json = Fields.Kind.OBJECT)
    public abstract Optional<String> delegate();

    Flannel() {
    }

    /** Builds {@link Flannel} configs, one setter per key (not thread-safe), e.g.
     * {@code Flannel.builder().subnetFile(Path.of("/run/flannel/subnet.env")).build()}. */
    public static final class Builder extends ImmutableFlannel.Builder implements SpecBuilder<Builder, Flannel>,
            DataDirSetters<Builder> {

        Builder() {
        }

        /** Sets {@code subnetFile}: flannel's subnet file (plugin default {@code /run/flannel/subnet.env}).
         * @param file the file
         * @return this builder */
        public Builder subnetFile(Path file) {
            return subnetFile(file.toString());
        }

        /** Sets {@code delegate}: the plugin object flannel completes and calls (default type {@code bridge}).
         * @param delegate e.g. a {@link Bridge} config without {@code ipam}
         * @return this builder */
        public Builder delegate(PluginSpec delegate) {
            return delegate(Fields.json(delegate.tree()));
        }
    }
}
