package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.ConfigErrors;
import io.github.cni4j.internal.config.FieldError;
import io.github.cni4j.internal.config.PluginFields;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import io.github.cni4j.internal.json.JsonProblem;
import io.github.cni4j.result.Dns;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One plugin object: an entry of a list's {@code plugins}, a plugin file of {@code <confdir>/<network>/*.conf}, or
 * the whole of a single-plugin {@code .conf}.
 *
 * <p>Keeps every field, known or not ({@code bridge}, {@code isGateway}, {@code ipam.ranges}...): read them with
 * {@link #rawField(String)}. {@link #bytes()} are libcni's plugin bytes: for a list entry the entry re-encoded as Go
 * does (keys sorted, compact, HTML-safe escapes), otherwise the bytes read. The typed fields are decoded as libcni
 * decodes {@code types.PluginConf}.
 *
 * <pre>{@code
 * PluginConfig bridge = NetworkConfigList.fromFile(path).plugins().get(0);
 * String type = bridge.type();                                   // "bridge"
 * boolean gateway = bridge.rawField("isGateway").map("true"::equals).orElse(false);
 * Optional<String> ipam = bridge.ipamType();                     // Optional[host-local]
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PluginConfig {

    static {
        Access.register();
    }

    private static final String PREFIX = "error parsing configuration: ";

    private final byte[] bytes;
    private final ObjectNode tree;
    private final PluginFields fields;

    private PluginConfig(byte[] bytes, ObjectNode tree, PluginFields fields) {
        this.bytes = bytes;
        this.tree = tree;
        this.fields = fields;
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
        byte[] copy = json.clone();
        JsonNode tree;
        try {
            tree = JsonInput.read(copy);
        } catch (JsonProblem p) {
            throw ConfigErrors.decoding(p, sourceName, PREFIX);
        }
        try {
            return of(copy, tree, false);
        } catch (FieldError e) {
            throw ConfigErrors.at(copy, sourceName, e.pointer(), PREFIX + e.getMessage());
        }
    }

    /**
     * Decodes element {@code index} of a list's {@code plugins}; errors point into the list's text.
     */
    static PluginConfig fromListEntry(JsonNode entry, int index, byte[] listText, String source) {
        String base = JsonPointers.child("/plugins", index);
        try {
            // libcni decodes the re-encoded entry, whose keys are sorted.
            return of(GoJson.encode(entry), entry, true);
        } catch (FieldError e) {
            throw ConfigErrors.at(listText, source, base + e.pointer(),
                    "failed to parse plugin config " + index + ": " + PREFIX + e.getMessage());
        }
    }

    private static PluginConfig of(byte[] bytes, JsonNode tree, boolean sortedKeys) {
        PluginFields fields = PluginFields.decode(tree, sortedKeys);
        if (fields.type().isEmpty()) {
            throw new FieldError("missing 'type'", tree.isObject() && tree.has("type") ? "/type" : "");
        }
        return new PluginConfig(bytes, (ObjectNode) tree, fields);
    }

    ObjectNode tree() {
        return tree;
    }

    /**
     * Returns the plugin type: the binary to run.
     *
     * @return the type, never empty
     */
    public String type() {
        return fields.type();
    }

    /**
     * Returns the plugin object's own {@code name}, if it has one (a list entry usually has none; a single
     * {@code .conf} names its network here).
     *
     * @return the name
     */
    public Optional<String> name() {
        return Optional.ofNullable(fields.name());
    }

    /**
     * Returns the plugin object's own {@code cniVersion} as written, {@code ""} when absent. The invoker sends the
     * list's version instead.
     *
     * @return the version text
     */
    public String cniVersion() {
        return fields.cniVersion();
    }

    /**
     * Returns the {@code capabilities} map (capability name to enabled), in document order.
     *
     * @return the capabilities, empty when none
     */
    public Map<String, Boolean> capabilities() {
        return fields.capabilities();
    }

    /**
     * Returns {@code ipam.type}, if set.
     *
     * @return the IPAM plugin type
     */
    public Optional<String> ipamType() {
        return Optional.ofNullable(fields.ipamType());
    }

    /**
     * Returns the whole {@code ipam} object as compact JSON text (keys sorted, as the plugin receives it), if present.
     *
     * @return the IPAM JSON
     */
    public Optional<String> ipam() {
        return rawField("ipam");
    }

    /**
     * Returns the {@code dns} object, if present and not {@code null}.
     *
     * @return the DNS settings
     */
    public Optional<Dns> dns() {
        return Optional.ofNullable(fields.dns());
    }

    /**
     * Returns any top-level field as compact JSON text ({@code "\"cni0\""}, {@code "true"}, {@code "{...}"}),
     * encoded as the plugin receives it.
     *
     * @param key the field name, exact case
     * @return the JSON text, empty when the field is absent
     */
    public Optional<String> rawField(String key) {
        return Fields.raw(tree, key);
    }

    /**
     * Returns the names of all top-level fields, in document order.
     *
     * @return the field names
     */
    public Set<String> fieldNames() {
        return Fields.names(tree);
    }

    /**
     * Returns libcni's bytes of this plugin (a copy).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Two plugin configs are equal when their JSON values are equal (key order and formatting do not matter;
     * numbers compare as Go's float64 does).
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PluginConfig p && Fields.canonical(tree).equals(Fields.canonical(p.tree));
    }

    /**
     * Returns a hash of the JSON value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Fields.canonical(tree).hashCode();
    }

    /**
     * Returns the compact JSON of this plugin.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "PluginConfig" + Fields.canonical(tree);
    }
}
