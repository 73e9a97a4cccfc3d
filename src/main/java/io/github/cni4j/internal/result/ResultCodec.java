package io.github.cni4j.internal.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonLocator;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniError;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes results as libcni does: picking the version (from the JSON or the configuration), choosing
 * the typed decoder for that version, and producing the JSON bytes libcni would.
 */
public final class ResultCodec {

    private static final String DECODE_VERSION = "decoding version from network config: ";
    private static final String RAW_RESULT = "failed to unmarshal raw result: ";

    private ResultCodec() {
    }

    /**
     * Parses a result. With a {@code null} fallback the version comes from the JSON alone (libcni's
     * {@code create.CreateFromBytes}); otherwise a missing or empty version means the fallback (libcni's handling
     * of plugin output).
     *
     * @param json the bytes
     * @param fallbackVersion the configuration's version, or {@code null}
     * @return the result
     * @throws ConfigException code 6 with libcni's message
     */
    public static Result parse(byte[] json, String fallbackVersion) {
        if (fallbackVersion == null) {
            JsonNode root = readTree(json, DECODE_VERSION);
            if (!root.isObject() && !root.isNull()) {
                throw fail(DECODE_VERSION + "json: cannot unmarshal " + GoFields.kind(root)
                        + " into Go value of type struct { CNIVersion string \"json:\\\"cniVersion\\\"\" }", "", json);
            }
            String version = "0.1.0";
            Map.Entry<String, JsonNode> v = root.isObject() ? GoFields.find(root, "cniVersion") : null;
            if (v != null && !v.getValue().isNull() && !v.getValue().isTextual()) {
                throw fail(DECODE_VERSION + GoFields.typeError(GoFields.kind(v.getValue()), ".cniVersion", "string"),
                        GoFields.child("", v.getKey()), json);
            }
            if (v != null && v.getValue().isTextual() && !v.getValue().textValue().isEmpty()) {
                version = v.getValue().textValue();
            }
            return create(version, root, json);
        }
        JsonNode root = readTree(json, RAW_RESULT);
        if (!root.isObject() && !root.isNull()) {
            throw fail(RAW_RESULT + "json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type map[string]interface {}", "", json);
        }
        JsonNode v = root.get("cniVersion");
        if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
            return create(v.textValue(), root, json);
        }
        // libcni writes the configuration's version into the map and re-marshals it (sorting the keys)
        String version = fallbackVersion.isEmpty() ? "0.1.0" : fallbackVersion;
        ObjectNode fixed = root.isObject() ? ((ObjectNode) root).deepCopy() : JsonTrees.MAPPER.createObjectNode();
        fixed.put("cniVersion", version);
        byte[] remarshalled = GoJson.encode(fixed);
        // pointers into the re-marshalled tree still name the same values in the original text
        return create(version, readTree(remarshalled, RAW_RESULT), json);
    }

    /**
     * Parses a result as the given version, as libcni's {@code create.Create}.
     *
     * @param version the exact version string
     * @param json the bytes
     * @return the result
     * @throws ConfigException code 6 with libcni's message
     */
    public static Result create(String version, byte[] json) {
        return create(version, readTree(json, ""), json);
    }

    private static Result create(String version, JsonNode root, byte[] text) {
        int family = family(version);
        if (family < 0) {
            throw fail("unsupported CNI result version \"" + version + "\"", null, text);
        }
        Map.Entry<Result.Builder, String> read;
        try {
            read = ResultReader.read(root, family, text);
        } catch (DecodeError e) {
            throw fail(e.getMessage(), e.pointer(), text);
        }
        String typed = read.getValue();
        if (family(typed) != family || family != 0 && typed.isEmpty()) {
            String supported = switch (family) {
                case 0 -> "[ 0.1.0 0.2.0]";
                case 1 -> "[0.3.0 0.3.1 0.4.0]";
                default -> "[1.0.0 1.1.0]";
            };
            throw fail("result type supports " + supported + " but unmarshalled CNIVersion is \"" + typed + "\"",
                    null, text);
        }
        return read.getKey().cniVersion(CniVersion.parse(typed)).build();
    }

    private static int family(String version) {
        return switch (version) {
            case "", "0.1.0", "0.2.0" -> 0;
            case "0.3.0", "0.3.1", "0.4.0" -> 1;
            case "1.0.0", "1.1.0" -> 2;
            default -> -1;
        };
    }

    /**
     * Encodes a result in its own version's JSON shape, as libcni marshals it.
     *
     * @param result the result
     * @return the bytes
     */
    public static byte[] encode(Result result) {
        return ResultWriter.write(result);
    }

    /**
     * Encodes a result as it appears after a trip through a generic map (the result cache's {@code result}
     * member): every key sorted, whatever the version.
     *
     * @param result the result
     * @return the bytes
     */
    public static byte[] sortedBytes(Result result) {
        return GoJson.encode(sortedTree(result));
    }

    /**
     * Returns the result as a JSON tree (for embedding in other documents that {@link GoJson} encodes sorted).
     *
     * @param result the result
     * @return the tree
     */
    public static JsonNode sortedTree(Result result) {
        try {
            return JsonTrees.MAPPER.readTree(encode(result));
        } catch (IOException e) {
            throw new IllegalStateException("cni4j wrote result JSON it cannot read back", e);
        }
    }

    static JsonNode readTree(byte[] json, String prefix) {
        GoSyntax.Error syntax = GoSyntax.check(json);
        if (syntax != null) {
            int[] at = position(json, syntax.offset());
            throw new ConfigException(CniError.DECODING_FAILURE, prefix + syntax.message(), null, at[0], at[1],
                    null, null);
        }
        try {
            // Go takes invalid UTF-8 inside strings as U+FFFD; decoding with replacement does the same
            JsonNode tree = JsonTrees.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            refuseHugeNumbers(tree, json, prefix);
            return tree;
        } catch (JsonProcessingException e) {
            // Go accepts this text (nesting beyond cni4j's limits); Jackson does not
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(CniError.DECODING_FAILURE, prefix + e.getOriginalMessage(), null, line, col,
                    null, e);
        } catch (IOException e) {
            throw new ConfigException(CniError.DECODING_FAILURE, prefix + e.getMessage(), null, 0, 0, null, e);
        }
    }

    /**
     * Go decodes every JSON number of a result into a float64 and fails on one that overflows it (found by
     * fuzzing: {@code {"x":3290E993}} once reached the Go-style encoder as Infinity).
     */
    private static void refuseHugeNumbers(JsonNode tree, byte[] json, String prefix) {
        String bad = JsonInput.findHugeNumber(tree, "");
        if (bad == null) {
            return;
        }
        int[] at = JsonLocator.position(json, bad);
        String literal = JsonInput.literal(json, at[2]);
        throw new ConfigException(CniError.DECODING_FAILURE, prefix + "json: cannot unmarshal number " + literal
                + " into Go value of type float64", null, at[0], at[1], bad, null);
    }

    private static int[] position(byte[] text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset && k < text.length; k++) {
            if (text[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    static ConfigException fail(String msg, String pointer, byte[] text) {
        int[] at = text == null || pointer == null ? new int[2] : locate(text, pointer);
        return new ConfigException(CniError.DECODING_FAILURE, msg, null, at[0], at[1], pointer, null);
    }

    /** Finds the line and column of the value at a JSON pointer by re-scanning the text (errors only). */
    static int[] locate(byte[] text, String pointer) {
        try (JsonParser p = seek(text, pointer)) {
            if (p != null) {
                return new int[] {p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr()};
            }
        } catch (IOException e) {
            // the text parsed before; no position is better than a misleading one
        }
        return new int[2];
    }

    /** Returns the source text of the number at a JSON pointer, as Go quotes it in errors (errors only). */
    static String numberText(byte[] text, String pointer, String fallback) {
        try (JsonParser p = seek(text, pointer)) {
            if (p != null && p.currentToken().isNumeric()) {
                return p.getText();
            }
        } catch (IOException e) {
            // fall back to Jackson's rendering of the number
        }
        return fallback;
    }

    private static JsonParser seek(byte[] text, String pointer) throws IOException {
        if (text == null) {
            return null;
        }
        JsonParser p = JsonTrees.MAPPER.createParser(new String(text, StandardCharsets.UTF_8));
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                continue;
            }
            var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
            if (ctx != null && ctx.pathAsPointer().toString().equals(pointer)) {
                return p;
            }
        }
        p.close();
        return null;
    }
}
