package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tree access and the checks shared by the typed plugin configs. */
final class Fields {

    static final ObjectMapper MAPPER = JsonTrees.MAPPER;

    /** The JSON types a plugin's Go struct decodes a key into. */
    enum Kind {
        STRING, BOOL, INT, OBJECT, ARRAY, STRINGS;

        boolean accepts(JsonNode v) {
            return switch (this) {
                case STRING -> v.isTextual();
                case BOOL -> v.isBoolean();
                case INT -> v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
                case OBJECT -> v.isObject();
                case ARRAY -> v.isArray();
                case STRINGS -> v.isArray() && allText(v);
            };
        }

        String expected() {
            return switch (this) {
                case STRING -> "a string";
                case BOOL -> "a boolean";
                case INT -> "an integer";
                case OBJECT -> "an object";
                case ARRAY -> "an array";
                case STRINGS -> "an array of strings";
            };
        }
    }

    private Fields() {
    }

    /** Builds a schema from alternating key/kind pairs; {@code name} and {@code capabilities} are common to all. */
    static Map<String, Kind> schema(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        m.put("type", Kind.STRING);
        m.put("name", Kind.STRING);
        m.put("capabilities", Kind.OBJECT);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    static void checkKinds(ObjectNode tree, Map<String, Kind> schema) {
        schema.forEach((key, kind) -> {
            JsonNode v = tree.get(key);
            if (v != null && !v.isNull() && !kind.accepts(v)) {
                throw new IllegalArgumentException(key + ": expected " + kind.expected() + " but got " + v);
            }
        });
        tree.path("capabilities").fields().forEachRemaining(e -> {
            if (!e.getValue().isBoolean()) {
                throw new IllegalArgumentException("capabilities/" + e.getKey() + ": expected a boolean but got "
                        + e.getValue());
            }
        });
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> str(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    static Optional<Boolean> bool(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }

    static Optional<Long> num(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        return v != null && v.isNumber() ? Optional.of(v.asLong()) : Optional.empty();
    }

    static List<String> strings(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    static ObjectNode object(ObjectNode tree, String key) {
        JsonNode v = tree.get(key);
        if (v instanceof ObjectNode o) {
            return o;
        }
        return tree.putObject(key);
    }

    static ArrayNode array(ObjectNode tree, String key) {
        JsonNode v = tree.get(key);
        if (v instanceof ArrayNode a) {
            return a;
        }
        return tree.putArray(key);
    }

    static ObjectNode parseObject(byte[] json, String source) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n instanceof ObjectNode o) {
                return o;
            }
            throw new ConfigException("expected a JSON object", source);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid JSON: " + e.getOriginalMessage(), source);
        } catch (IOException e) {
            throw new ConfigException("invalid JSON: " + e.getMessage(), source);
        }
    }

    static JsonNode parseValue(String key, String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException(key + ": empty JSON value");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(key + ": invalid JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** libcni's interface-name rules (B.10): 1–15 bytes, not . or .., no / : or whitespace. */
    static void ifName(String field, String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + ": interface name is empty");
        }
        if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) {
            throw new IllegalArgumentException(field + ": interface name \"" + v
                    + "\" is too long (at most 15 characters)");
        }
        if (v.equals(".") || v.equals("..")) {
            throw new IllegalArgumentException(field + ": interface name is . or ..");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(field + ": interface name \"" + v
                        + "\" contains / or : or whitespace characters");
            }
        }
    }

    static void ifName(ObjectNode tree, String key) {
        str(tree, key).ifPresent(v -> ifName(key, v));
    }

    /** MTU: 0 means "plugin default"; otherwise the kernel's Ethernet bounds (68 for IPv4, up to 65535). */
    static void mtu(ObjectNode tree, String key) {
        num(tree, key).ifPresent(v -> {
            if (v != 0 && (v < 68 || v > 65535)) {
                throw new IllegalArgumentException(key + ": MTU " + v + " out of range (0 or 68-65535)");
            }
        });
    }

    static void range(ObjectNode tree, String key, long min, long max) {
        num(tree, key).ifPresent(v -> {
            if (v < min || v > max) {
                throw new IllegalArgumentException(key + ": " + v + " out of range (" + min + "-" + max + ")");
            }
        });
    }

    static void oneOf(ObjectNode tree, String key, String... allowed) {
        str(tree, key).ifPresent(v -> {
            if (!List.of(allowed).contains(v)) {
                throw new IllegalArgumentException(key + ": unknown value \"" + v + "\" (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        });
    }

    static void cidr(ObjectNode tree, String key) {
        str(tree, key).ifPresent(v -> Cidr.parse(key, v));
    }

    static void ip(ObjectNode tree, String key) {
        str(tree, key).ifPresent(v -> Cidr.ip(key, v));
    }

    /** Validates the nested IPAM object when its type is one cni4j models. */
    static void ipam(ObjectNode tree) {
        JsonNode ipam = tree.get("ipam");
        if (ipam == null || ipam.isNull()) {
            return;
        }
        if (!ipam.isObject()) {
            throw new IllegalArgumentException("ipam: expected an object but got " + ipam);
        }
        try {
            ipamOf((ObjectNode) ipam);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ipam/" + e.getMessage(), e);
        }
    }

    /** The typed view of a nested IPAM object, when its type is one cni4j models; validates it. */
    static Optional<IpamSpec> ipamOf(ObjectNode ipam) {
        return switch (ipam.path("type").asText()) {
            case "host-local" -> Optional.of(SpecDecoder.fill(HostLocal.builder(), ipam).build());
            case "static" -> Optional.of(SpecDecoder.fill(StaticIpam.builder(), ipam).build());
            case "dhcp" -> Optional.of(SpecDecoder.fill(new Dhcp.Builder(), ipam).build());
            default -> Optional.empty();
        };
    }

    static Optional<IpamSpec> ipamIn(JsonNode parent) {
        JsonNode ipam = parent.get("ipam");
        return ipam instanceof ObjectNode o ? ipamOf(o) : Optional.empty();
    }
}
