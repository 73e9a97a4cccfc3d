package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conflist composed from typed plugin configs, built into a {@link NetworkConfigList} or into conflist bytes to
 * write to a file. Top-level keys come out as {@code cniVersion}, {@code cniVersions}, {@code name}, extra keys in
 * the order set, {@code disableCheck}, {@code disableGC}, {@code plugins}.
 *
 * <pre>{@code
 * NetworkConfigList list = ConfList.builder()
 *         .name("mynet").cniVersion("1.0.0")
 *         .plugin(Bridge.builder().bridge("cni0").isGateway(true).ipMasq(true)
 *                 .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.88.0.0/16")).build()).build())
 *         .plugin(Portmap.builder().build())
 *         .build();
 * byte[] file = ConfList.builder().name("lo").plugin(Loopback.builder().build()).toPrettyBytes();
 * }</pre>
 *
 * <p>It is its own builder (it has no value of its own: what it builds is a {@code NetworkConfigList}), so it is not
 * thread-safe; the lists it builds are immutable.
 */
public final class ConfList {

    private String name;
    private String cniVersion = "1.0.0";
    private final List<String> cniVersions = new ArrayList<>();
    private Boolean disableCheck;
    private Boolean disableGC;
    private final Map<String, String> extra = new LinkedHashMap<>();
    private final List<ObjectNode> plugins = new ArrayList<>();

    private ConfList() {
    }

    /** {@return a new, empty conflist ({@code cniVersion} defaults to {@code 1.0.0})} */
    public static ConfList builder() {
        return new ConfList();
    }

    /** Sets the network name (required; libcni's name rules).
     * @param name the name
     * @return this builder */
    public ConfList name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Sets {@code cniVersion} (default {@code 1.0.0}).
     * @param version e.g. {@code "1.1.0"}
     * @return this builder */
    public ConfList cniVersion(String version) {
        this.cniVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** Appends to {@code cniVersions} (spec 1.1.0).
     * @param version a version
     * @return this builder */
    public ConfList addCniVersion(String version) {
        cniVersions.add(Objects.requireNonNull(version, "version"));
        return this;
    }

    /** Sets {@code disableCheck} (absent by default).
     * @param disable the flag
     * @return this builder */
    public ConfList disableCheck(boolean disable) {
        this.disableCheck = disable;
        return this;
    }

    /** Sets {@code disableGC} (absent by default).
     * @param disable the flag
     * @return this builder */
    public ConfList disableGC(boolean disable) {
        this.disableGC = disable;
        return this;
    }

    /** Sets any other top-level key, such as nerdctl's {@code nerdctlID}.
     * @param key the key
     * @param json its value as JSON text
     * @return this builder
     * @throws IllegalArgumentException when {@code json} is not JSON */
    public ConfList field(String key, String json) {
        Fields.parseValue(Objects.requireNonNull(key, "key"), Objects.requireNonNull(json, "json"));
        extra.put(key, json);
        return this;
    }

    /** Appends a plugin to the chain.
     * @param plugin the typed plugin config
     * @return this builder */
    public ConfList plugin(PluginSpec plugin) {
        return plugin(plugin, List.of());
    }

    /** Appends a plugin whose object lists {@code firstKeys} first, in that order (as another tool writes it).
     * @param plugin the typed plugin config
     * @param firstKeys keys to put first where set
     * @return this builder */
    ConfList plugin(PluginSpec plugin, List<String> firstKeys) {
        ObjectNode tree = Objects.requireNonNull(plugin, "plugin").tree();
        ObjectNode ordered = Fields.MAPPER.createObjectNode();
        firstKeys.stream().filter(tree::has).forEach(k -> ordered.set(k, tree.get(k)));
        plugins.add(ordered.setAll(tree).deepCopy());
        return this;
    }

    /** Validates and parses the conflist.
     * @return the list, whose {@code bytes()} are {@link #toBytes()}
     * @throws IllegalArgumentException naming the field that is wrong */
    public NetworkConfigList build() {
        return NetworkConfigList.fromBytes(toBytes(), "conflist " + name);
    }

    /** The Go-canonical conflist: keys sorted, compact, as libcni would re-encode it.
     * @return the bytes
     * @throws IllegalArgumentException naming the field that is wrong */
    public byte[] toBytes() {
        return GoJson.encode(tree());
    }

    /** The conflist indented by two spaces, as nerdctl writes its files (keys in builder order).
     * @return the bytes, without a trailing newline
     * @throws IllegalArgumentException naming the field that is wrong */
    public byte[] toPrettyBytes() {
        return GoIndent.encode(tree());
    }

    private ObjectNode tree() {
        if (name == null) {
            throw new IllegalArgumentException("name: required");
        }
        if (!CniNames.isValidNetworkName(name)) {
            throw new IllegalArgumentException("name: invalid characters found in network name \"" + name
                    + "\" (expected ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$)");
        }
        if (plugins.isEmpty()) {
            throw new IllegalArgumentException("plugins: at least one plugin is required");
        }
        checkVersion("cniVersion", cniVersion);
        cniVersions.forEach(v -> checkVersion("cniVersions", v));
        ObjectNode t = Fields.MAPPER.createObjectNode();
        t.put("cniVersion", cniVersion);
        if (!cniVersions.isEmpty()) {
            ArrayNode a = t.putArray("cniVersions");
            cniVersions.forEach(a::add);
        }
        t.put("name", name);
        extra.forEach((k, v) -> t.set(k, Fields.parseValue(k, v)));
        if (disableCheck != null) {
            t.put("disableCheck", disableCheck);
        }
        if (disableGC != null) {
            t.put("disableGC", disableGC);
        }
        ArrayNode a = t.putArray("plugins");
        plugins.forEach(p -> a.add(p.deepCopy()));
        return t;
    }

    private static void checkVersion(String field, String v) {
        try {
            CniVersion.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": invalid version \"" + v + "\": " + e.getMessage(), e);
        }
    }
}
