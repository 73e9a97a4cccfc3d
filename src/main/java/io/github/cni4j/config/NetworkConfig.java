package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A single-plugin network config ({@code .conf} or {@code .json}): one plugin object that also names the network.
 * Spec 1.0.0 dropped this format, but runtimes still load it; {@link NetworkConfigList#of(NetworkConfig)} upgrades it
 * to a list as libcni does. Two configs are equal when their plugin objects are (the file does not count).
 *
 * <pre>{@code
 * NetworkConfig conf = NetworkConfig.fromFile(Path.of("/etc/cni/net.d/redisnet.conf"));
 * conf.name();                        // "redisnet"
 * conf.plugin().type();               // "bridge"
 * NetworkConfigList list = NetworkConfigList.of(conf);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class NetworkConfig {

    NetworkConfig() {
    }

    /**
     * Parses a single-plugin config, as libcni's {@code ConfFromBytes} does.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB), kept verbatim
     * @return the config
     * @throws ConfigException if the bytes are not JSON, a known field has the wrong type, or {@code type} is
     *         missing; with line, column and JSON pointer
     */
    public static NetworkConfig fromBytes(byte[] json) {
        return fromBytes(json, null);
    }

    /**
     * Parses a single-plugin config, naming the source in errors.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB), kept verbatim
     * @param sourceName a file name or other label for error messages, or {@code null}
     * @return the config
     * @throws ConfigException as {@link #fromBytes(byte[])}
     */
    public static NetworkConfig fromBytes(byte[] json, String sourceName) {
        return ImmutableNetworkConfig.builder().plugin(PluginConfig.fromBytes(json, sourceName)).build();
    }

    /**
     * Reads a single-plugin config file.
     *
     * @param file the file
     * @return the config
     * @throws ConfigException if the file cannot be read ({@code error reading <file>: ...}) or parsed; the source
     *         is the file
     */
    public static NetworkConfig fromFile(Path file) {
        PluginConfig plugin = PluginConfig.fromBytes(ConfFileReader.read(Objects.requireNonNull(file, "file")),
                file.toString());
        return ImmutableNetworkConfig.builder().plugin(plugin).file(file).build();
    }

    /** @return the config as a plugin object (same bytes) */
    public abstract PluginConfig plugin();

    /** @return the file the config was loaded from, if any */
    @Value.Auxiliary
    public abstract Optional<Path> file();

    /** @return the network name ({@code name}), {@code ""} when absent */
    public String name() {
        return plugin().name().orElse("");
    }

    /** @return {@code cniVersion} as written, {@code ""} when absent */
    public String cniVersion() {
        return plugin().cniVersion();
    }

    /** @return the bytes read, verbatim (a copy) */
    public byte[] bytes() {
        return plugin().bytes();
    }
}
