package io.github.cni4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading helpers for the JSON form of capability values ({@code portMappings}, {@code bandwidth}, ...).
 *
 * <p>Field names match the way Go's decoder matches them: an exact key first, then any key that is equal ignoring
 * case. That makes go-cni's tag-less {@code HostPort}/{@code IngressRate} spellings readable next to the
 * convention's {@code hostPort}/{@code ingressRate}.
 */
public final class CapabilityJson {

    private CapabilityJson() {
    }

    /** Creates an empty object node of the shared mapper. */
    public static ObjectNode object() {
        return JsonTrees.NODES.objectNode();
    }

    /** {@return the JSON object in the bytes}, else a ConfigException naming {@code source} (e.g. "PortMapping") */
    public static ObjectNode readObject(byte[] json, String source) {
        JsonNode node = read(json, source);
        if (!node.isObject()) {
            throw new ConfigException(7, source + ": expected a JSON object but found " + JsonInput.kind(node),
                    source, 0, 0, "", null);
        }
        return (ObjectNode) node;
    }

    /** {@return the tree of one JSON value}, else a ConfigException naming {@code source} */
    public static JsonNode read(byte[] json, String source) {
        try {
            return JsonInput.read(json);
        } catch (JsonProblem p) {
            throw new ConfigException(6, source + ": " + p.getMessage(), source, p.line(), p.column(),
                    p.pointer(), null);
        }
    }

    /** Finds a field as Go does: exact name first, then a case-insensitive match. */
    public static Optional<JsonNode> field(ObjectNode obj, String name) {
        JsonNode exact = obj.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** An optional string field; JSON {@code null} counts as absent. */
    public static Optional<String> string(ObjectNode obj, String name, String source, String pointer) {
        Optional<JsonNode> v = field(obj, name).filter(n -> !n.isNull());
        if (v.isPresent() && !v.get().isTextual()) {
            throw wrongType(source, pointer + "/" + name, "a string", v.get());
        }
        return v.map(JsonNode::asText);
    }

    /** An optional non-negative integer field; JSON {@code null} counts as absent. */
    public static Optional<Long> integer(ObjectNode obj, String name, String source, String pointer) {
        Optional<JsonNode> v = field(obj, name).filter(n -> !n.isNull());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = v.get();
        if (!n.isNumber() || (!n.isIntegralNumber() && n.asDouble() != Math.rint(n.asDouble()))
                || n.asDouble() < 0 || n.asDouble() > 9.2e18) {
            throw wrongType(source, pointer + "/" + name, "a non-negative integer", n);
        }
        return Optional.of(n.asLong());
    }

    /** An optional array of strings; JSON {@code null} counts as empty. */
    public static List<String> strings(ObjectNode obj, String name, String source, String pointer) {
        Optional<JsonNode> v = field(obj, name).filter(n -> !n.isNull());
        if (v.isEmpty()) {
            return List.of();
        }
        if (!v.get().isArray()) {
            throw wrongType(source, pointer + "/" + name, "an array of strings", v.get());
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v.get()) {
            if (!e.isTextual()) {
                throw wrongType(source, pointer + "/" + name + "/" + i, "a string", e);
            }
            out.add(e.asText());
            i++;
        }
        return List.copyOf(out);
    }

    /** A required value is missing. */
    public static ConfigException missing(String source, String pointer, String what) {
        return new ConfigException(7, source + ": missing " + what + " at " + pointer, source, 0, 0, pointer, null);
    }

    /** A value is present but not valid. */
    public static ConfigException invalid(String source, String pointer, String problem) {
        return new ConfigException(7, source + ": " + problem, source, 0, 0, pointer, null);
    }

    private static ConfigException wrongType(String source, String pointer, String expected, JsonNode found) {
        return new ConfigException(7, source + ": expected " + expected + " at " + pointer + " but found "
                + JsonInput.kind(found), source, 0, 0, pointer, null);
    }
}
