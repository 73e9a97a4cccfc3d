package io.github.cni4j.internal.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the two small documents of the {@code version} package, a plugin's VERSION answer and the spec's error
 * object, with Go's rules and messages.
 */
public final class VersionCodec {

    private VersionCodec() {
    }

    /** The decoded fields of an error object. */
    public record ErrorFields(int code, String msg, String details) {
    }

    /** The decoded fields of a VERSION answer (before libcni's defaulting). */
    public record InfoFields(String cniVersion, List<String> supportedVersions) {
    }

    /**
     * Decodes an error object as Go's {@code json.Unmarshal} into {@code types.Error}.
     *
     * @param json the bytes
     * @return the fields (all zero for {@code null})
     * @throws ConfigException code 6 with Go's error text
     */
    public static ErrorFields decodeError(byte[] json) {
        JsonNode root = ResultCodec.readTree(json, "");
        if (root.isNull()) {
            return new ErrorFields(0, "", "");
        }
        if (!root.isObject()) {
            throw ResultCodec.fail("json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type types.Error", "", json);
        }
        String[] firstError = new String[2];
        int code = 0;
        Map.Entry<String, JsonNode> c = GoFields.find(root, "code");
        if (c != null && !c.getValue().isNull()) {
            JsonNode v = c.getValue();
            if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
                code = v.intValue();
            } else {
                String what = v.isNumber() ? "number " + v.asText() : GoFields.kind(v);
                remember(firstError, GoFields.typeError(what, "Error.code", "uint"), GoFields.child("", c.getKey()));
            }
        }
        String msg = text(root, "msg", "Error.msg", firstError);
        String details = text(root, "details", "Error.details", firstError);
        if (firstError[0] != null) {
            throw ResultCodec.fail(firstError[0], firstError[1], json);
        }
        return new ErrorFields(code, msg, details);
    }

    /**
     * Decodes a VERSION answer's fields as Go's {@code json.Unmarshal} into libcni's {@code pluginInfo}.
     *
     * @param json the bytes
     * @return the fields
     * @throws ConfigException code 6 with libcni's message ({@code decoding version info: ...})
     */
    public static InfoFields decodeInfo(byte[] json) {
        String prefix = "decoding version info: ";
        JsonNode root = ResultCodec.readTree(json, prefix);
        if (root.isNull()) {
            return new InfoFields("", List.of());
        }
        if (!root.isObject()) {
            throw ResultCodec.fail(prefix + "json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type version.pluginInfo", "", json);
        }
        String[] firstError = new String[2];
        String version = text(root, "cniVersion", "pluginInfo.cniVersion", firstError);
        List<String> versions = new ArrayList<>();
        Map.Entry<String, JsonNode> s = GoFields.find(root, "supportedVersions");
        if (s != null && !s.getValue().isNull()) {
            JsonNode v = s.getValue();
            String ptr = GoFields.child("", s.getKey());
            if (!v.isArray()) {
                remember(firstError, GoFields.typeError(GoFields.kind(v), "pluginInfo.supportedVersions",
                        "[]string"), ptr);
            } else {
                for (int i = 0; i < v.size(); i++) {
                    JsonNode e = v.get(i);
                    if (e.isTextual() || e.isNull()) {
                        versions.add(e.isNull() ? "" : e.textValue());
                    } else {
                        remember(firstError, GoFields.typeError(GoFields.kind(e), "pluginInfo.supportedVersions",
                                "string"), GoFields.child(ptr, i));
                    }
                }
            }
        }
        if (firstError[0] != null) {
            throw ResultCodec.fail(prefix + firstError[0], firstError[1], json);
        }
        return new InfoFields(version, versions);
    }

    private static String text(JsonNode root, String name, String ctx, String[] firstError) {
        Map.Entry<String, JsonNode> e = GoFields.find(root, name);
        if (e == null || e.getValue().isNull()) {
            return "";
        }
        if (!e.getValue().isTextual()) {
            remember(firstError, GoFields.typeError(GoFields.kind(e.getValue()), ctx, "string"),
                    GoFields.child("", e.getKey()));
            return "";
        }
        return e.getValue().textValue();
    }

    private static void remember(String[] firstError, String message, String pointer) {
        if (firstError[0] == null) {
            firstError[0] = message;
            firstError[1] = pointer;
        }
    }
}
