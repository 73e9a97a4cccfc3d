package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.ConfigErrors;
import io.github.cni4j.internal.config.FieldError;
import io.github.cni4j.internal.config.ListFields;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonProblem;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A network configuration list ({@code .conflist}): a named network and the plugins that set it up, in order.
 *
 * <p>Parsed with libcni's rules and messages: {@code name} is required, the effective {@link #cniVersion()} is the
 * highest supported of {@code cniVersion} and {@code cniVersions}, the boolean flags also accept the strings
 * {@code "true"}/{@code "false"} in any case. {@link #bytes()} are the bytes read, verbatim; unknown top-level fields
 * are kept and readable with {@link #rawField(String)}. Two lists are equal when their documents are equal JSON
 * values and they have equal plugins (including those loaded from the plugin directory); the file does not count.
 *
 * <pre>{@code
 * NetworkConfigList list = NetworkConfigList.fromFile(Path.of("/etc/cni/net.d/10-containerd-net.conflist"));
 * list.name();                                    // "containerd-net"
 * list.plugins().get(1).capabilities();           // {portMappings=true}
 *
 * NetworkConfigList fromConf = NetworkConfigList.of(PluginConfig.fromFile(Path.of("redisnet.conf")));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class NetworkConfigList {

    private static final String PREFIX = "error parsing configuration list: ";

    NetworkConfigList() {
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
        return parse(Objects.requireNonNull(json, "json").clone(), sourceName, null);
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
        NetworkConfigList list = parse(ConfFileReader.read(Objects.requireNonNull(file, "file")), file.toString(),
                file);
        List<PluginConfig> all = new ArrayList<>(list.plugins());
        if (!list.loadOnlyInlinedPlugins()) {
            for (Path f : pluginFiles(file, list.name())) {
                all.add(PluginConfig.fromFile(f));
            }
        }
        if (all.isEmpty()) {
            throw new ConfigException("no plugin configs found", file.toString());
        }
        return ((ImmutableNetworkConfigList) list).withPlugins(all);
    }

    /**
     * Upgrades a single-plugin config to a list, as libcni's {@code ConfListFromConf} does: the new list's bytes are
     * {@code {"cniVersion":…,"name":…,"plugins":[<conf>]}} encoded as Go encodes a map (these bytes go into the
     * result cache).
     *
     * @param conf the single config (its {@code name}, {@code ""} when absent, names the list)
     * @return a list with that one plugin
     */
    public static NetworkConfigList of(PluginConfig conf) {
        ObjectNode doc = JsonTrees.NODES.objectNode();
        doc.put("cniVersion", Objects.requireNonNull(conf, "conf").cniVersion());
        doc.put("name", conf.name().orElse(""));
        doc.putArray("plugins").add(conf.tree());
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

    /** Parses bytes that nobody else holds (they are kept, never copied). */
    private static NetworkConfigList parse(byte[] bytes, String source, Path file) {
        // Only what the decoders read becomes a tree; the whole tree is made from the bytes when first needed.
        JsonNode part;
        try {
            part = JsonInput.readPart(bytes, ListFields.FILTER);
        } catch (JsonProblem p) {
            throw ConfigErrors.decoding(p, source, PREFIX);
        }
        ListFields fields;
        try {
            fields = ListFields.decode(part);
        } catch (FieldError e) {
            throw ConfigErrors.at(bytes, source, e.pointer(), PREFIX + e.getMessage());
        }
        ConfigJson json = ConfigJson.read(bytes);
        JsonNode entries = fields.plugins();
        int n = entries == null ? 0 : entries.size();
        List<PluginConfig> plugins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            plugins.add(PluginConfig.fromListEntry(entries.get(i), json, i, bytes, source));
        }
        return ImmutableNetworkConfigList.builder().json(json).fields(fields).plugins(plugins)
                .file(Optional.ofNullable(file)).build();
    }

    /** The document and its Go encoding (keys sorted, compact): with the plugins, what equality compares. */
    abstract ConfigJson json();

    /** The whole document (a decode that succeeded saw an object). */
    ObjectNode tree() {
        return (ObjectNode) json().tree();
    }

    @Value.Auxiliary
    abstract ListFields fields();

    /** @return the plugins in order: the inline ones, then any loaded from the network's plugin directory */
    public abstract List<PluginConfig> plugins();

    /**
     * @return the bytes the list was parsed from, verbatim (a copy); for an upconverted single config, the
     *         generated list bytes
     */
    public byte[] bytes() {
        return json().text().clone();
    }

    /** @return the file the list was loaded from, if any */
    @Value.Auxiliary
    public abstract Optional<Path> file();

    /** @return the network name (not validated here; the invoker validates it before ADD) */
    public String name() {
        return fields().name();
    }

    /**
     * @return the effective spec version: the highest version cni4j supports among {@code cniVersion} and
     *         {@code cniVersions}, else {@code cniVersion} as written; {@code ""} when neither is given
     */
    public String cniVersion() {
        return fields().cniVersion();
    }

    /** @return {@code cniVersions} as written, empty when absent */
    public List<String> cniVersions() {
        return fields().cniVersions();
    }

    /** @return {@code disableCheck}: whether CHECK must not be called */
    public boolean disableCheck() {
        return fields().disableCheck();
    }

    /** @return {@code disableGC}: whether GC must not be called */
    public boolean disableGC() {
        return fields().disableGC();
    }

    /** @return {@code loadOnlyInlinedPlugins}: whether only the inline plugins count (no plugin directory) */
    public boolean loadOnlyInlinedPlugins() {
        return fields().loadOnlyInlinedPlugins();
    }

    /**
     * Returns any top-level field as compact JSON text, keys sorted.
     *
     * @param key the field name, exact case
     * @return the JSON text, empty when absent
     */
    public Optional<String> rawField(String key) {
        return Fields.raw(tree(), key);
    }

    /** @return the names of all top-level fields, in document order */
    public Set<String> fieldNames() {
        return Fields.names(tree());
    }
}
