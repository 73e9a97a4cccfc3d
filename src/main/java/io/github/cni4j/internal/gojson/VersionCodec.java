package io.github.cni4j.internal.gojson;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the two small documents plugins print, a VERSION answer and the spec's error object
 * ({@code {"code":7,"msg":"...","details":"..."}}, the wire form of a {@code CniException}), with Go's rules and
 * messages, and encodes the error object as Go does.
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
        JsonNode root = GoErrors.readTree(json, "");
        if (root.isNull()) {
            return new ErrorFields(0, "", "");
        }
        if (!root.isObject()) {
            throw GoErrors.fail("json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type types.Error", "", json);
        }
        String[] firstError = new String[2];
        int[] code = new int[1];
        String[] texts = {"", ""};
        GoFields.visit(root, List.of("code", "msg", "details"), (f, e) -> {
            JsonNode v = e.getValue();
            String ptr = GoFields.child("", e.getKey());
            if (f.equals("code")) {
                if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
                    code[0] = v.intValue();
                } else if (!v.isNull()) {
                    String what = v.isNumber() ? "number " + GoErrors.numberText(json, ptr, v.asText())
                            : GoFields.kind(v);
                    remember(firstError, GoFields.typeError(what, "Error.code", "uint"), ptr);
                }
            } else {
                int k = f.equals("msg") ? 0 : 1;
                texts[k] = text(e, "Error." + f, firstError, texts[k]);
            }
        });
        if (firstError[0] != null) {
            throw GoErrors.fail(firstError[0], firstError[1], json);
        }
        return new ErrorFields(code[0], texts[0], texts[1]);
    }

    /**
     * Encodes an error object as Go does: compact, no newline, details omitted when empty.
     *
     * @param code the code
     * @param msg the message
     * @param details the details, or {@code ""}
     * @return the UTF-8 JSON
     */
    public static byte[] encodeError(int code, String msg, String details) {
        StringBuilder sb = new StringBuilder(64).append("{\"code\":").append(code).append(",\"msg\":");
        GoJson.appendString(sb, msg);
        if (!details.isEmpty()) {
            GoJson.appendString(sb.append(",\"details\":"), details);
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
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
        JsonNode root = GoErrors.readTree(json, prefix);
        if (root.isNull()) {
            return new InfoFields("", List.of());
        }
        if (!root.isObject()) {
            throw GoErrors.fail(prefix + "json: cannot unmarshal " + GoFields.kind(root)
                    + " into Go value of type version.pluginInfo", "", json);
        }
        String[] firstError = new String[2];
        String[] version = {""};
        List<String> versions = new ArrayList<>();
        GoFields.visit(root, List.of("cniVersion", "supportedVersions"), (f, e) -> {
            if (f.equals("cniVersion")) {
                version[0] = text(e, "pluginInfo.cniVersion", firstError, version[0]);
            } else {
                versions.clear();
                strings(e, firstError, versions);
            }
        });
        if (firstError[0] != null) {
            throw GoErrors.fail(prefix + firstError[0], firstError[1], json);
        }
        return new InfoFields(version[0], versions);
    }

    private static void strings(Map.Entry<String, JsonNode> e, String[] firstError, List<String> out) {
        JsonNode v = e.getValue();
        String ptr = GoFields.child("", e.getKey());
        if (v.isNull()) {
            return;
        }
        if (!v.isArray()) {
            remember(firstError, GoFields.typeError(GoFields.kind(v), "pluginInfo.supportedVersions", "[]string"), ptr);
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (x.isTextual() || x.isNull()) {
                out.add(x.isNull() ? "" : x.textValue());
            } else {
                remember(firstError, GoFields.typeError(GoFields.kind(x), "pluginInfo.supportedVersions", "string"),
                        GoFields.child(ptr, i));
            }
        }
    }

    private static String text(Map.Entry<String, JsonNode> e, String ctx, String[] firstError, String current) {
        JsonNode v = e.getValue();
        if (v.isNull()) {
            return current;
        }
        if (!v.isTextual()) {
            remember(firstError, GoFields.typeError(GoFields.kind(v), ctx, "string"), GoFields.child("", e.getKey()));
            return current;
        }
        return v.textValue();
    }

    private static void remember(String[] firstError, String message, String pointer) {
        if (firstError[0] == null) {
            firstError[0] = message;
            firstError[1] = pointer;
        }
    }
}
