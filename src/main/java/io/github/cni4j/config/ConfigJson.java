package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import java.nio.charset.StandardCharsets;

/**
 * A config's JSON tree and that tree as Go encodes it (keys sorted, compact), each made on first use.
 *
 * <p>Parsing a list checks the whole text but builds only the fields it decodes ({@code ListFields.FILTER}); the
 * whole tree, which {@code rawField}, the plugins' stdin and equality need, is read from the list's bytes when first
 * asked for, once per list (a plugin entry's tree is its element of the list's tree). The Go encoding is what equality
 * compares and a list entry's {@link PluginConfig#bytes()}; most parsed configs are never compared or asked for their
 * bytes. The bytes read are valid JSON (the parse checked them), so the later read cannot fail.
 *
 * <p>Thread-safe: two threads may both make a tree or an encoding, which are then equal, and either stays.
 */
final class ConfigJson {

    private final byte[] text;
    private final ConfigJson list;
    private final int index;
    private volatile JsonNode tree;
    private volatile byte[] encoded;
    private volatile String canonical;

    private ConfigJson(byte[] text, ConfigJson list, int index, JsonNode tree) {
        this.text = text;
        this.list = list;
        this.index = index;
        this.tree = tree;
    }

    /** The JSON of a tree at hand (never changed after parsing). */
    static ConfigJson of(JsonNode tree) {
        return new ConfigJson(null, null, -1, tree);
    }

    /** The JSON of a document whose text was checked; {@code text} is owned from now on. */
    static ConfigJson read(byte[] text) {
        return new ConfigJson(text, null, -1, null);
    }

    /** The JSON of element {@code index} of a list's {@code plugins}. */
    static ConfigJson entry(ConfigJson list, int index) {
        return new ConfigJson(null, list, index, null);
    }

    /** {@return the document's bytes, for a document read from text (shared: never to be changed)} */
    byte[] text() {
        return text;
    }

    JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = list != null ? list.tree().get("plugins").get(index) : JsonInput.read(text);
            tree = t;
        }
        return t;
    }

    /** {@return the Go encoding of the tree (shared: never to be changed)} */
    byte[] encoded() {
        byte[] e = encoded;
        if (e == null) {
            e = GoJson.encode(tree());
            encoded = e;
        }
        return e;
    }

    private String canonical() {
        String c = canonical;
        if (c == null) {
            c = new String(encoded(), StandardCharsets.UTF_8);
            canonical = c;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigJson other && canonical().equals(other.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
