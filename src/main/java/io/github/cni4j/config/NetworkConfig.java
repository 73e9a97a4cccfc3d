package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-plugin network config ({@code .conf} or {@code .json}): one plugin object that also names the network.
 * Spec 1.0.0 dropped this format, but runtimes still load it; {@link NetworkConfigList#of(NetworkConfig)} upgrades it
 * to a list as libcni does.
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
public final class NetworkConfig {

    private final PluginConfig plugin;
    private final Path file;

    private NetworkConfig(PluginConfig plugin, Path file) {
        this.plugin = plugin;
        this.file = file;
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
        return new NetworkConfig(PluginConfig.fromBytes(json, sourceName), null);
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
        Objects.requireNonNull(file, "file");
        return new NetworkConfig(PluginConfig.fromBytes(ConfFileReader.read(file), file.toString()), file);
    }

    /**
     * Returns the network name ({@code name}), {@code ""} when absent.
     *
     * @return the name
     */
    public String name() {
        return plugin.name().orElse("");
    }

    /**
     * Returns {@code cniVersion} as written, {@code ""} when absent.
     *
     * @return the version text
     */
    public String cniVersion() {
        return plugin.cniVersion();
    }

    /**
     * Returns the config as a plugin object (same bytes).
     *
     * @return the plugin config
     */
    public PluginConfig plugin() {
        return plugin;
    }

    /**
     * Returns the bytes read, verbatim (a copy).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return plugin.bytes();
    }

    /**
     * Returns the file the config was loaded from, if any.
     *
     * @return the file
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Two single configs are equal when their plugin objects are.
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfig c && plugin.equals(c.plugin);
    }

    /**
     * Returns the plugin's hash.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return plugin.hashCode();
    }

    /**
     * Returns a short debugging form.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "NetworkConfig{name=" + name() + ", type=" + plugin.type() + (file == null ? "" : ", file=" + file) + "}";
    }
}
