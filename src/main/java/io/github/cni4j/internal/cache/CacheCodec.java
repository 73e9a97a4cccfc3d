package io.github.cni4j.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.internal.json.JsonValues;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache file format of libcni (v1.3 {@code cachedInfo}): fields in struct order, compact, no trailing newline,
 * {@code config} as standard base64, {@code netns}/{@code cniArgs}/{@code capabilityArgs}/{@code result} omitted when
 * empty, maps (capability args, result) with keys sorted as Go encodes a {@code map[string]interface{}}.
 */
public final class CacheCodec {

    /** The {@code kind} of every entry libcni writes. */
    public static final String KIND = "cniCacheV1";

    private CacheCodec() {
    }

    /**
     * Encodes an entry.
     *
     * @param a the entry
     * @return the file content
     */
    public static byte[] encode(CachedAttachment a) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"kind\":");
        GoJson.appendString(sb, KIND);
        field(sb, "containerId", a.containerId());
        field(sb, "config", Base64.getEncoder().encodeToString(a.config()));
        field(sb, "ifName", a.ifName());
        field(sb, "networkName", a.networkName());
        if (!a.netNs().isEmpty()) {
            field(sb, "netns", a.netNs());
        }
        if (!a.cniArgs().isEmpty()) {
            sb.append(",\"cniArgs\":[");
            for (int i = 0; i < a.cniArgs().size(); i++) {
                Map.Entry<String, String> kv = a.cniArgs().get(i);
                sb.append(i == 0 ? "[" : ",[");
                GoJson.appendString(sb, kv.getKey());
                sb.append(',');
                GoJson.appendString(sb, kv.getValue());
                sb.append(']');
            }
            sb.append(']');
        }
        if (!a.capabilityArgs().isEmpty()) {
            sb.append(",\"capabilityArgs\":");
            GoJson.write(sb, JsonValues.toTree(a.capabilityArgs()));
        }
        Optional<JsonNode> result = a.resultJson().map(CacheCodec::parseOrNull);
        if (result.isPresent() && result.get() != null && result.get().isObject() && result.get().size() > 0) {
            sb.append(",\"result\":");
            GoJson.write(sb, result.get());
        }
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        GoJson.appendString(sb, value);
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return JsonTrees.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Decodes a file in the {@code cniCacheV1} format.
     *
     * @param bytes the file content
     * @return the entry, or empty when the bytes are not a JSON object of kind {@code cniCacheV1} or miss a field
     *         libcni needs ({@code containerId}, {@code ifName}, {@code networkName} non-empty; {@code config} base64)
     */
    public static Optional<CachedAttachment> decode(byte[] bytes) {
        JsonNode root;
        try {
            root = JsonTrees.readTree(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !KIND.equals(root.path("kind").textValue())) {
            return Optional.empty();
        }
        try {
            return Optional.of(toEntry((ObjectNode) root));
        } catch (IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static CachedAttachment toEntry(ObjectNode root) {
        for (String required : new String[] {"containerId", "networkName", "ifName"}) {
            // Found by fuzzing: an entry without one of these decoded to an attachment no DEL could name.
            if (text(root, required).isEmpty()) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        byte[] config = root.path("config").isTextual()
                ? Base64.getDecoder().decode(root.get("config").textValue()) : new byte[0];
        List<Map.Entry<String, String>> args = new ArrayList<>();
        for (JsonNode pair : root.path("cniArgs")) {
            args.add(Map.entry(pair.path(0).asText(""), pair.path(1).asText("")));
        }
        Map<String, Object> caps = new LinkedHashMap<>();
        if (root.path("capabilityArgs").isObject()) {
            root.get("capabilityArgs").fields().forEachRemaining(e -> {
                Object v = JsonValues.fromTree(e.getValue());
                if (v != null) {
                    caps.put(e.getKey(), v);
                }
            });
        }
        CachedAttachment.Builder b = CachedAttachment.builder().containerId(text(root, "containerId"))
                .networkName(text(root, "networkName")).ifName(text(root, "ifName")).config(config)
                .netNs(text(root, "netns")).cniArgs(args).capabilityArgs(caps);
        JsonNode result = root.path("result");
        if (result.isObject()) {
            b.resultJson(new String(GoJson.encode(result), StandardCharsets.UTF_8));
        }
        return b.build();
    }

    private static String text(ObjectNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isTextual() ? n.textValue() : "";
    }
}
