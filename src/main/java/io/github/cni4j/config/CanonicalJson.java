package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;

/**
 * A config's JSON as Go encodes it (keys sorted, compact), made on first use: equality of the config values compares
 * it, and a list entry's {@link PluginConfig#bytes()} are these bytes, yet most parsed configs are never compared,
 * printed or asked for their bytes (the invoker builds each plugin's stdin from the tree), so parsing does not pay
 * for the encoding.
 */
final class CanonicalJson {

    private final JsonNode tree;
    private volatile byte[] encoded;
    private volatile String text;

    private CanonicalJson(JsonNode tree) {
        this.tree = tree;
    }

    /** The canonical form of a parsed tree (never changed after parsing). */
    static CanonicalJson of(JsonNode tree) {
        return new CanonicalJson(tree);
    }

    /** {@return the Go encoding of the tree (shared, never to be changed by the caller)} */
    byte[] encoded() {
        byte[] e = encoded;
        if (e == null) {
            // Two threads may both encode; they make equal bytes, so either result may stay.
            e = GoJson.encode(tree);
            encoded = e;
        }
        return e;
    }

    String text() {
        String t = text;
        if (t == null) {
            t = new String(encoded(), StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalJson other && text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
