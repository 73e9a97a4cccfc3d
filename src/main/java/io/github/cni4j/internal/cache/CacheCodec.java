package io.github.cni4j.internal.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import io.github.cni4j.internal.json.JsonValues;
import io.github.cni4j.internal.json.TextBuffers;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The text members of an entry besides {@code kind}, in the order {@code fields} keeps them. */
    private static final List<String> TEXT_FIELDS = List.of("containerId", "networkName", "ifName", "netns");

    private CacheCodec() {
    }

    /**
     * An entry as read from its file: its fields but the result ({@code null} when only the result was asked for),
     * and the result still as its JSON text ({@code null}: none).
     */
    public record Read(CachedAttachment entry, byte[] result) {
    }

    /**
     * Encodes an entry.
     *
     * @param a the entry
     * @return the file content
     */
    public static byte[] encode(CachedAttachment a) {
        byte[] result = a.result().map(CacheCodec::sortedBytes).orElse(null);
        return TextBuffers.write(sb -> {
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
            if (result != null) {
                sb.append(",\"result\":").append(new String(result, StandardCharsets.UTF_8));
            }
            sb.append('}');
        });
    }

    /**
     * libcni caches a result after a trip through a generic map, so every key is sorted. A 1.x result is written that
     * way anyway; an older one, in struct order, is sorted through a tree.
     */
    private static byte[] sortedBytes(Result r) {
        byte[] bytes = r.toBytes();
        if (r.cniVersion().isAtLeast(CniVersion.V1_0_0)) {
            return bytes;
        }
        try {
            return GoJson.encode(JsonTrees.readTree(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("a result's own JSON did not parse", e);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        GoJson.appendString(sb, value);
    }

    /**
     * Decodes a file in the {@code cniCacheV1} format.
     *
     * @param bytes the file content
     * @return the entry, or empty when the bytes are not a JSON object of kind {@code cniCacheV1} or miss a field
     *         libcni needs ({@code containerId}, {@code ifName}, {@code networkName} non-empty; {@code config} base64);
     *         a {@code result} that is not a valid CNI result is left out
     */
    public static Optional<CachedAttachment> decode(byte[] bytes) {
        return read(bytes, true).map(r -> {
            if (r.result() == null) {
                return r.entry();
            }
            try {
                return CachedAttachment.builder().from(r.entry()).result(result(r.result())).build();
            } catch (ConfigException e) {
                return r.entry();
            }
        });
    }

    /**
     * Parses a cached result as libcni's {@code getCachedResult} does: as the JSON of a generic map (keys sorted,
     * numbers as float64), which for a file libcni or cni4j wrote is the text itself.
     *
     * @param json the {@code result} object of an entry
     * @return the result
     * @throws ConfigException (code 6) with libcni's message when it is not a result
     */
    public static Result result(byte[] json) {
        try {
            Result r = Result.fromBytes(json);
            if (r.cniVersion().isAtLeast(CniVersion.V1_0_0) && Arrays.equals(r.toBytes(), json)) {
                return r;
            }
        } catch (ConfigException e) {
            // The generic map's JSON below gives libcni's verdict.
        }
        try {
            return Result.fromBytes(GoJson.encode(JsonTrees.readTree(json)));
        } catch (IOException e) {
            throw new IllegalStateException("JSON read once failed the second time", e);
        }
    }

    /**
     * Reads the fields of a file in the {@code cniCacheV1} format without building its tree, leaving the result
     * unparsed.
     *
     * @param bytes the file content
     * @param all false when only the result is needed (DEL and CHECK): the other fields are then only checked
     * @return the entry, empty as for {@link #decode}
     */
    public static Optional<Read> read(byte[] bytes, boolean all) {
        try (JsonParser p = JsonTrees.FACTORY.createParser(bytes)) {
            return p.nextToken() == JsonToken.START_OBJECT ? fields(p, bytes, all) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The members of the entry object, the last of duplicate keys winning as in Go. */
    private static Optional<Read> fields(JsonParser p, byte[] bytes, boolean all) throws IOException {
        String kind = "";
        String[] names = {"", "", "", ""};
        byte[] config = new byte[0];
        List<Map.Entry<String, String>> args = List.of();
        Map<String, Object> caps = Map.of();
        byte[] result = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int at = TEXT_FIELDS.indexOf(name);
            if (at >= 0 || name.equals("kind")) {
                String text = t == JsonToken.VALUE_STRING ? p.getText() : "";
                if (at >= 0) {
                    names[at] = text;
                } else {
                    kind = text;
                }
            } else if (name.equals("config") && t == JsonToken.VALUE_STRING) {
                // Go fails the whole entry at a config that is not base64, even when a later one is.
                if (all) {
                    config = Base64.getDecoder().decode(p.getText());
                } else if (!isBase64(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                    return Optional.empty();
                }
            } else if (all && name.equals("cniArgs")) {
                args = cniArgs(tree(p));
            } else if (all && name.equals("capabilityArgs")) {
                caps = capabilityArgs(tree(p));
            } else if (name.equals("result") && t == JsonToken.START_OBJECT) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                result = Arrays.copyOfRange(bytes, start, (int) p.currentLocation().getByteOffset());
            } else {
                result = name.equals("result") ? null : result;
                config = name.equals("config") ? new byte[0] : config;
                p.skipChildren();
            }
        }
        // Found by fuzzing: an entry without one of these decoded to an attachment no DEL could name.
        if (!KIND.equals(kind) || names[0].isEmpty() || names[1].isEmpty() || names[2].isEmpty()) {
            return Optional.empty();
        }
        if (!all) {
            return Optional.of(new Read(null, result));
        }
        return Optional.of(new Read(CachedAttachment.builder().containerId(names[0]).networkName(names[1])
                .ifName(names[2]).config(config).netNs(names[3]).cniArgs(args).capabilityArgs(caps).build(), result));
    }

    /** Whether {@link Base64#getDecoder()} accepts the text (padding optional, but never where no byte ends). */
    static boolean isBase64(char[] text, int offset, int length) {
        int n = 0;
        while (n < length && isBase64Digit(text[offset + n])) {
            n++;
        }
        if (n % 4 == 1) {
            return false;
        }
        if (n == length) {
            return true;
        }
        if (text[offset + n] != '=') {
            return false;
        }
        return n % 4 == 3 ? length - n == 1 : n % 4 == 2 && length - n == 2 && text[offset + n + 1] == '=';
    }

    private static boolean isBase64Digit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = JsonTrees.readTree(p);
        return n == null ? MissingNode.getInstance() : n;
    }

    private static List<Map.Entry<String, String>> cniArgs(JsonNode node) {
        List<Map.Entry<String, String>> args = new ArrayList<>();
        for (JsonNode pair : node) {
            args.add(Map.entry(pair.path(0).asText(""), pair.path(1).asText("")));
        }
        return args;
    }

    private static Map<String, Object> capabilityArgs(JsonNode node) {
        Map<String, Object> caps = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                Object v = JsonValues.fromTree(e.getValue());
                if (v != null) {
                    caps.put(e.getKey(), v);
                }
            });
        }
        return caps;
    }
}
