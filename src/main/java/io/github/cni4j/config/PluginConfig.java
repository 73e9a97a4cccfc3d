package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.ConfigAccess;
import io.github.cni4j.internal.config.ConfigErrors;
import io.github.cni4j.internal.config.FieldError;
import io.github.cni4j.internal.config.PluginFields;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import io.github.cni4j.internal.json.JsonProblem;
import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.result.Dns;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One plugin object: an entry of a list's {@code plugins}, a plugin file of {@code <confdir>/<network>/*.conf}, or
 * the whole of a single-plugin network config ({@code .conf} or {@code .json}), as Go libcni's {@code NetworkConfig}
 * is all three. Spec 1.0.0 dropped the single-plugin format, but runtimes still load it:
 * {@link NetworkConfigList#of(PluginConfig)} upgrades it to a list as libcni does, and its {@link #name()} names the
 * network.
 *
 * <p>Keeps every field, known or not ({@code bridge}, {@code isGateway}, {@code ipam.ranges}...): read them with
 * {@link #rawField(String)}. {@link #bytes()} are libcni's plugin bytes: for a list entry the entry re-encoded as Go
 * does (keys sorted, compact, HTML-safe escapes), otherwise the bytes read. The typed fields are decoded as libcni
 * decodes {@code types.PluginConf}. Two plugin configs are equal when their JSON values are (key order and
 * formatting do not matter; numbers compare as Go's float64 does; the {@link #file()} does not count).
 *
 * <pre>{@code
 * PluginConfig bridge = NetworkConfigList.fromFile(path).plugins().get(0);
 * String type = bridge.type();                                   // "bridge"
 * boolean gateway = bridge.rawField("isGateway").map("true"::equals).orElse(false);
 * Optional<String> ipam = bridge.ipamType();                     // Optional[host-local]
 *
 * PluginConfig conf = PluginConfig.fromFile(Path.of("/etc/cni/net.d/redisnet.conf"));
 * conf.name();                                                   // Optional[redisnet]
 * NetworkConfigList list = NetworkConfigList.of(conf);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class PluginConfig {

    static {
        ConfigAccess.register(PluginConfig::tree);
    }

    private static final String PREFIX = "error parsing configuration: ";

    PluginConfig() {
    }

    /**
     * Parses one plugin object, as libcni's {@code NetworkPluginConfFromBytes} does.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB); kept verbatim as {@link #bytes()}
     * @return the plugin config
     * @throws ConfigException if the bytes are not JSON, a known field has the wrong type, or {@code type} is missing
     *         ({@code error parsing configuration: missing 'type'}); with line, column and JSON pointer
     */
    public static PluginConfig fromBytes(byte[] json) {
        return fromBytes(json, null);
    }

    /**
     * Parses one plugin object, naming the source in errors.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB); kept verbatim as {@link #bytes()}
     * @param sourceName a file name or other label for error messages, or {@code null}
     * @return the plugin config
     * @throws ConfigException as {@link #fromBytes(byte[])}
     */
    public static PluginConfig fromBytes(byte[] json, String sourceName) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = JsonInput.read(json);
        } catch (JsonProblem p) {
            throw ConfigErrors.decoding(p, sourceName, PREFIX);
        }
        try {
            return of(Optional.of(json.clone()), tree, ConfigJson.of(tree), false);
        } catch (FieldError e) {
            throw ConfigErrors.at(json, sourceName, e.pointer(), PREFIX + e.getMessage());
        }
    }

    /**
     * Reads a plugin config file: a single-plugin {@code .conf}, or a plugin file of a list's plugin directory.
     *
     * @param file the file, kept as {@link #file()}
     * @return the plugin config
     * @throws ConfigException if the file cannot be read ({@code error reading <file>: ...}) or parsed; the source
     *         is the file
     */
    public static PluginConfig fromFile(Path file) {
        byte[] json = ConfFileReader.read(Objects.requireNonNull(file, "file"));
        return ((ImmutablePluginConfig) fromBytes(json, file.toString())).withFile(file);
    }

    /**
     * Decodes element {@code index} of a list's {@code plugins}; errors point into the list's text.
     *
     * @param part the element as far as the decoder needs it ({@code PluginFields.FILTER})
     * @param list the list's JSON, of which this entry's whole tree is a part
     */
    static PluginConfig fromListEntry(JsonNode part, ConfigJson list, int index, byte[] listText, String source) {
        try {
            // libcni decodes the re-encoded entry, whose keys are sorted; those bytes are made when first asked for.
            return of(Optional.empty(), part, ConfigJson.entry(list, index), true);
        } catch (FieldError e) {
            throw ConfigErrors.at(listText, source, JsonPointers.child("/plugins", index) + e.pointer(),
                    "failed to parse plugin config " + index + ": " + PREFIX + e.getMessage());
        }
    }

    private static PluginConfig of(Optional<byte[]> readBytes, JsonNode part, ConfigJson json, boolean sortedKeys) {
        PluginFields fields = PluginFields.decode(part, sortedKeys);
        if (fields.type().isEmpty()) {
            throw new FieldError("missing 'type'", part.isObject() && part.has("type") ? "/type" : "");
        }
        return ImmutablePluginConfig.builder().readBytes(readBytes).fields(fields).json(json).build();
    }

    /** The tree and its Go encoding (keys sorted, compact), which is what equality compares. */
    abstract ConfigJson json();

    /** The whole plugin object (a decode that succeeded saw an object). */
    ObjectNode tree() {
        return (ObjectNode) json().tree();
    }

    @Value.Auxiliary
    abstract PluginFields fields();

    /** The bytes as read, for a plugin parsed on its own; empty for a list entry (its bytes are its Go encoding). */
    @Value.Auxiliary
    abstract Optional<byte[]> readBytes();

    /** @return the file the config was read from ({@link #fromFile(Path)}), if any; equality ignores it */
    @Value.Auxiliary
    public abstract Optional<Path> file();

    /** @return libcni's bytes of this plugin (a copy) */
    public byte[] bytes() {
        return readBytes().orElseGet(() -> json().encoded()).clone();
    }

    /** @return the plugin type: the binary to run; never empty */
    public String type() {
        return fields().type();
    }

    /**
     * @return the plugin object's own {@code name}, if it has one (a list entry usually has none; a single
     *         {@code .conf} names its network here)
     */
    public Optional<String> name() {
        return Optional.ofNullable(fields().name());
    }

    /** @return the plugin object's own {@code cniVersion} as written, {@code ""} when absent (the invoker sends
     *          the list's version instead) */
    public String cniVersion() {
        return fields().cniVersion();
    }

    /** @return the {@code capabilities} map (capability name to enabled), in document order, empty when none */
    public Map<String, Boolean> capabilities() {
        return fields().capabilities();
    }

    /** @return {@code ipam.type}, if set */
    public Optional<String> ipamType() {
        return Optional.ofNullable(fields().ipamType());
    }

    /** @return the whole {@code ipam} object as compact JSON text (keys sorted, as the plugin receives it) */
    public Optional<String> ipam() {
        return rawField("ipam");
    }

    /** @return the {@code dns} object, if present and not {@code null} */
    public Optional<Dns> dns() {
        return Optional.ofNullable(fields().dns());
    }

    /**
     * Returns any top-level field as compact JSON text ({@code "\"cni0\""}, {@code "true"}, {@code "{...}"}),
     * encoded as the plugin receives it.
     *
     * @param key the field name, exact case
     * @return the JSON text, empty when the field is absent
     */
    public Optional<String> rawField(String key) {
        return Fields.raw(tree(), key);
    }

    /** @return the names of all top-level fields, in document order */
    public Set<String> fieldNames() {
        return Fields.names(tree());
    }
}
