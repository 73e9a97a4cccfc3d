package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.ConfigErrors;
import io.github.cni4j.internal.config.FieldError;
import io.github.cni4j.internal.config.ListFields;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonProblem;
import io.github.cni4j.internal.json.JsonTrees;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A network configuration list ({@code .conflist}): a named network and the plugins that set it up, in order.
 *
 * <p>Parsed with libcni's rules and messages (REFERENCE B.2): {@code name} is required, the effective
 * {@link #cniVersion()} is the highest supported of {@code cniVersion} and {@code cniVersions}, the boolean flags
 * also accept the strings {@code "true"}/{@code "false"} in any case. {@link #bytes()} are the bytes read, verbatim;
 * unknown top-level fields are kept and readable with {@link #rawField(String)}.
 *
 * <pre>{@code
 * NetworkConfigList list = NetworkConfigList.fromFile(Path.of("/etc/cni/net.d/10-containerd-net.conflist"));
 * list.name();                                    // "containerd-net"
 * list.plugins().get(1).capabilities();           // {portMappings=true}
 *
 * NetworkConfigList fromConf = NetworkConfigList.of(NetworkConfig.fromFile(Path.of("redisnet.conf")));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NetworkConfigList {

    static {
        Access.register();
    }

    private static final String PREFIX = "error parsing configuration list: ";

    private final byte[] bytes;
    private final ObjectNode tree;
    private final ListFields fields;
    private final List<PluginConfig> plugins;
    private final Path file;

    private NetworkConfigList(byte[] bytes, ObjectNode tree, ListFields fields, List<PluginConfig> plugins,
                              Path file) {
        this.bytes = bytes;
        this.tree = tree;
        this.fields = fields;
        this.plugins = List.copyOf(plugins);
        this.file = file;
    }

    /**
     * Parses a configuration list, as libcni's {@code ConfListFromBytes} does.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB)
     * @return the list (possibly without plugins, when the {@code plugins} key is absent)
     * @throws ConfigException for text that is not JSON or breaks a libcni rule, with line, column and JSON pointer
     */
    public static NetworkConfigList fromBytes(byte[] json) {
        return fromBytes(json, null);
    }

    /**
     * Parses a configuration list, naming the source in errors.
     *
     * @param json UTF-8 JSON bytes (at most 16 MiB)
     * @param sourceName a file name or other label for error messages, or {@code null}
     * @return the list
     * @throws ConfigException as {@link #fromBytes(byte[])}
     */
    public static NetworkConfigList fromBytes(byte[] json, String sourceName) {
        Objects.requireNonNull(json, "json");
        return parse(json.clone(), sourceName, null);
    }

    /**
     * Reads a {@code .conflist} file as libcni's {@code ConfListFromFile} does: unless
     * {@code loadOnlyInlinedPlugins} is set, the plugin files {@code <dir>/<name>/*.conf} are appended (sorted) to
     * the inline plugins; a list that ends up with no plugins is an error ({@code no plugin configs found}).
     *
     * @param file the file
     * @return the list
     * @throws ConfigException if the file cannot be read or parsed; the source is the file
     */
    public static NetworkConfigList fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = ConfFileReader.read(file);
        NetworkConfigList list = parse(bytes, file.toString(), file);
        List<PluginConfig> all = new ArrayList<>(list.plugins);
        if (!list.loadOnlyInlinedPlugins()) {
            for (Path f : pluginFiles(file, list.name())) {
                all.add(PluginConfig.fromBytes(ConfFileReader.read(f), f.toString()));
            }
        }
        if (all.isEmpty()) {
            throw new ConfigException("no plugin configs found", file.toString());
        }
        return new NetworkConfigList(list.bytes, list.tree, list.fields, all, file);
    }

    /**
     * Upgrades a single-plugin config to a list, as libcni's {@code ConfListFromConf} does: the new list's bytes are
     * {@code {"cniVersion":…,"name":…,"plugins":[<conf>]}} encoded as Go encodes a map (these bytes go into the
     * result cache).
     *
     * @param conf the single config
     * @return a list with that one plugin
     */
    public static NetworkConfigList of(NetworkConfig conf) {
        Objects.requireNonNull(conf, "conf");
        ObjectNode doc = JsonTrees.MAPPER.createObjectNode();
        doc.put("cniVersion", conf.cniVersion());
        doc.put("name", conf.name());
        ArrayNode plugins = doc.putArray("plugins");
        plugins.add(conf.plugin().tree());
        return parse(GoJson.encode(doc), conf.file().map(Path::toString).orElse(null), conf.file().orElse(null));
    }

    /** libcni joins the list file's directory and the network name, so an empty name means that directory. */
    private static List<Path> pluginFiles(Path file, String name) {
        Path parent = file.getParent() == null ? Path.of(".") : file.getParent();
        Path dir;
        try {
            dir = parent.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return List.of();
        }
        try {
            return ConfLoader.filesWithExtensions(dir, List.of(".conf"));
        } catch (ConfigException e) {
            throw new ConfigException(7, "failed to read plugin config files in " + dir + ": " + e.msg(),
                    dir.toString(), 0, 0, null, e);
        }
    }

    private static NetworkConfigList parse(byte[] bytes, String source, Path file) {
        JsonNode doc;
        try {
            doc = JsonInput.read(bytes);
        } catch (JsonProblem p) {
            throw ConfigErrors.decoding(p, source, PREFIX);
        }
        ListFields fields;
        try {
            fields = ListFields.decode(doc);
        } catch (FieldError e) {
            throw ConfigErrors.at(bytes, source, e.pointer(), PREFIX + e.getMessage());
        }
        List<PluginConfig> plugins = new ArrayList<>();
        JsonNode entries = fields.plugins();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            plugins.add(PluginConfig.fromListEntry(entries.get(i), i, bytes, source));
        }
        return new NetworkConfigList(bytes, (ObjectNode) doc, fields, plugins, file);
    }

    ObjectNode tree() {
        return tree;
    }

    /**
     * Returns the network name (not validated here; the invoker validates it before ADD).
     *
     * @return the name
     */
    public String name() {
        return fields.name();
    }

    /**
     * Returns the effective spec version: the highest version cni4j supports among {@code cniVersion} and
     * {@code cniVersions}, else {@code cniVersion} as written; {@code ""} when neither is given.
     *
     * @return the version text
     */
    public String cniVersion() {
        return fields.cniVersion();
    }

    /**
     * Returns {@code cniVersions} as written.
     *
     * @return the versions, empty when absent
     */
    public List<String> cniVersions() {
        return fields.cniVersions();
    }

    /**
     * Tells whether CHECK must not be called.
     *
     * @return {@code disableCheck}
     */
    public boolean disableCheck() {
        return fields.disableCheck();
    }

    /**
     * Tells whether GC must not be called.
     *
     * @return {@code disableGC}
     */
    public boolean disableGC() {
        return fields.disableGC();
    }

    /**
     * Tells whether only the inline plugins count (no {@code <dir>/<name>/*.conf} files).
     *
     * @return {@code loadOnlyInlinedPlugins}
     */
    public boolean loadOnlyInlinedPlugins() {
        return fields.loadOnlyInlinedPlugins();
    }

    /**
     * Returns the plugins in order: the inline ones, then any loaded from the network's plugin directory.
     *
     * @return the plugins
     */
    public List<PluginConfig> plugins() {
        return plugins;
    }

    /**
     * Returns the bytes the list was parsed from, verbatim (a copy); for an upconverted single config, the
     * generated list bytes.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Returns the file the list was loaded from, if any.
     *
     * @return the file
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Returns any top-level field as compact JSON text, keys sorted.
     *
     * @param key the field name, exact case
     * @return the JSON text, empty when absent
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
     * Two lists are equal when their documents are equal JSON values and they have equal plugins (including
     * plugins loaded from the plugin directory); the file does not count.
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfigList l && plugins.equals(l.plugins)
                && Fields.canonical(tree).equals(Fields.canonical(l.tree));
    }

    /**
     * Returns a hash of the document.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Fields.canonical(tree).hashCode();
    }

    /**
     * Returns a short debugging form.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "NetworkConfigList{name=" + name() + ", cniVersion=" + cniVersion() + ", plugins=" + plugins.size()
                + (file == null ? "" : ", file=" + file) + "}";
    }
}
