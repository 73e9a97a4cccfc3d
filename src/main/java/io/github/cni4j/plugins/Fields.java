package io.github.cni4j.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Tree access and the checks shared by the typed plugin configs. */
final class Fields {

    static final ObjectMapper MAPPER = JsonTrees.mapper();

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
                case STRINGS -> v.isArray() && StreamSupport.stream(v.spliterator(), false).allMatch(JsonNode::isTextual);
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

    static Optional<String> str(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
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

    /** libcni's interface-name rules ({@link CniNames#validateInterfaceName}), as a builder error naming the key and
     * the value. */
    static void ifName(String field, String v) {
        try {
            CniNames.validateInterfaceName(v);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(field + ": interface name \"" + v + "\""
                    + e.msg().substring("interface name".length()), e);
        }
    }

    /** {@return a value as compact Go-canonical JSON text} */
    static String json(JsonNode v) {
        return new String(GoJson.encode(v), StandardCharsets.UTF_8);
    }
}
