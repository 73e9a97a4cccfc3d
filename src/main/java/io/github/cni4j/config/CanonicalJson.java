package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;

/**
 * A config's JSON as Go encodes it (keys sorted, compact), made on first use: equality of the config values compares
 * it, yet most parsed configs are never compared or printed, so parsing does not pay for the encoding.
 */
final class CanonicalJson {

    private final JsonNode tree;
    private final byte[] encoded;
    private volatile String text;

    private CanonicalJson(JsonNode tree, byte[] encoded) {
        this.tree = tree;
        this.encoded = encoded;
    }

    /** The canonical form of a parsed tree (never changed after parsing). */
    static CanonicalJson of(JsonNode tree) {
        return new CanonicalJson(tree, null);
    }

    /** The canonical form when the Go-encoded bytes are already at hand. */
    static CanonicalJson ofEncoded(byte[] encoded) {
        return new CanonicalJson(null, encoded);
    }

    String text() {
        String t = text;
        if (t == null) {
            t = new String(encoded != null ? encoded : GoJson.encode(tree), StandardCharsets.UTF_8);
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
