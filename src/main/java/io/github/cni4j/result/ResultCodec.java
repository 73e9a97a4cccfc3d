package io.github.cni4j.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.gojson.DecodeError;
import io.github.cni4j.internal.gojson.GoErrors;
import io.github.cni4j.internal.gojson.GoFields;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.version.CniVersion;
import java.util.Map;

/**
 * Reads and writes results as libcni does: picking the version (from the JSON or the configuration), choosing
 * the typed decoder for that version, and producing the JSON bytes libcni would.
 */
final class ResultCodec {

    private static final String DECODE_VERSION = "decoding version from network config: ";
    private static final String RAW_RESULT = "failed to unmarshal raw result: ";

    private ResultCodec() {
    }

    /**
     * Parses a result or throws {@link ConfigException} (code 6) with libcni's message. With a {@code null} fallback
     * the version comes from the JSON alone ({@code create.CreateFromBytes}); otherwise a missing or empty version
     * means the fallback (libcni's handling of plugin output).
     */
    public static Result parse(byte[] json, String fallbackVersion) {
        if (fallbackVersion == null) {
            JsonNode root = GoErrors.readTree(json, DECODE_VERSION);
            if (!root.isObject() && !root.isNull()) {
                throw GoErrors.fail(DECODE_VERSION + "json: cannot unmarshal " + GoFields.kind(root)
                        + " into Go value of type struct { CNIVersion string \"json:\\\"cniVersion\\\"\" }", "", json);
            }
            String version = "0.1.0";
            Map.Entry<String, JsonNode> v = root.isObject() ? GoFields.find(root, "cniVersion") : null;
            if (v != null && !v.getValue().isNull() && !v.getValue().isTextual()) {
                throw GoErrors.fail(DECODE_VERSION + GoFields.typeError(GoFields.kind(v.getValue()), ".cniVersion", "string"),
                        GoFields.child("", v.getKey()), json);
            }
            if (v != null && v.getValue().isTextual() && !v.getValue().textValue().isEmpty()) {
                version = v.getValue().textValue();
            }
            return create(version, root, json);
        }
        JsonNode root = GoErrors.readTree(json, RAW_RESULT);
        if (!root.isObject() && !root.isNull()) {
            throw GoErrors.fail(RAW_RESULT + "json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type map[string]interface {}", "", json);
        }
        JsonNode v = root.get("cniVersion");
        if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
            return create(v.textValue(), root, json);
        }
        // libcni writes the configuration's version into the map and re-marshals it (sorting the keys)
        String version = fallbackVersion.isEmpty() ? "0.1.0" : fallbackVersion;
        ObjectNode fixed = root.isObject() ? ((ObjectNode) root).deepCopy() : JsonTrees.NODES.objectNode();
        fixed.put("cniVersion", version);
        byte[] remarshalled = GoJson.encode(fixed);
        // pointers into the re-marshalled tree still name the same values in the original text
        return create(version, GoErrors.readTree(remarshalled, RAW_RESULT), json);
    }

    /** Parses a result as the given version, as libcni's {@code create.Create}; ConfigException code 6 if not one. */
    public static Result create(String version, byte[] json) {
        return create(version, GoErrors.readTree(json, ""), json);
    }

    private static Result create(String version, JsonNode root, byte[] text) {
        int family = family(version);
        if (family < 0) {
            throw GoErrors.fail("unsupported CNI result version \"" + version + "\"", null, text);
        }
        Map.Entry<Result.Builder, String> read;
        try {
            read = ResultReader.read(root, family, text);
        } catch (DecodeError e) {
            throw GoErrors.fail(e.getMessage(), e.pointer(), text);
        }
        String typed = read.getValue();
        if (family(typed) != family || family != 0 && typed.isEmpty()) {
            String supported = switch (family) {
                case 0 -> "[ 0.1.0 0.2.0]";
                case 1 -> "[0.3.0 0.3.1 0.4.0]";
                default -> "[1.0.0 1.1.0]";
            };
            throw GoErrors.fail("result type supports " + supported + " but unmarshalled CNIVersion is \"" + typed + "\"",
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

    /** {@return the result in its own version's JSON shape, as libcni marshals it} */
    public static byte[] encode(Result result) {
        return ResultWriter.write(result);
    }
}
