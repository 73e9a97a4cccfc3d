package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a whole JSON document the way Go's {@code json.Unmarshal} accepts it, fast, and explains failures precisely.
 *
 * <p>The one strict reader: {@link #parse} (one pass over Jackson's tokens, {@code TreeReader}) serves config
 * loading here and Go's error words in {@code gojson.GoErrors}. Only when it fails is the text read again, by
 * {@link JsonLocator} (positions from Jackson's token locations, what was expected there) or {@link GoSyntax} (Go's
 * message). Limits: {@link #MAX_BYTES} bytes, {@link JsonTrees#MAX_DEPTH} levels of nesting; numbers must fit a
 * float64 (Go's generic decode refuses larger ones).
 */
public final class JsonInput {

    /** Largest JSON document read (16 MiB); real CNI configs are a few KiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private JsonInput() {
    }

    /**
     * {@return the tree of one JSON value in UTF-8} Objects keep document order; of duplicate keys the last wins.
     * @throws JsonProblem with the position and a clear message when the text is not one JSON value
     */
    public static JsonNode read(byte[] bytes) {
        return readPart(bytes, TreeFilter.ALL);
    }

    /**
     * {@return the part of the tree of one JSON value that {@code filter} asks for} The whole text is checked as by
     * {@link #read}, and fails alike, but only the parts the filter keeps become nodes: for a decoder that needs a
     * few known fields of a large document. Where a kept object has a key twice, the last value wins.
     * @throws JsonProblem as {@link #read}
     */
    public static JsonNode readPart(byte[] bytes, TreeFilter filter) {
        if (bytes.length > MAX_BYTES) {
            throw new JsonProblem("document is " + bytes.length + " bytes, larger than the limit of " + MAX_BYTES
                    + " bytes (16 MiB)", 0, 0, null, true);
        }
        TreeReader.Read read = parse(bytes, true, filter);
        if (read == null) {
            throw JsonLocator.syntaxProblem(bytes);
        }
        if (read.hugeNumber()) {
            // The walk that finds the number's place needs the whole tree; this is the failing path only.
            checkNumbers(filter == TreeFilter.ALL ? read.tree() : parse(bytes, true, TreeFilter.ALL).tree(), bytes);
        }
        return read.tree();
    }

    /**
     * {@return the tree of one JSON value in UTF-8 without a byte order mark, or null when Jackson refuses the text}
     * The fast path of every strict read: one pass over Jackson's tokens, then a check that only whitespace follows.
     * An integer {@code -0} stays the integer 0 here (results keep it so).
     */
    public static JsonNode parse(byte[] bytes) {
        TreeReader.Read read = parse(bytes, false, TreeFilter.ALL);
        return read == null ? null : read.tree();
    }

    /**
     * Go reads every number as a float64, so {@code -0} stays negative zero and is written back as {@code -0};
     * Jackson reads it as the integer 0, so {@code negativeZero} asks for the sign to be kept.
     */
    private static TreeReader.Read parse(byte[] bytes, boolean negativeZero, TreeFilter filter) {
        if (hasForeignEncoding(bytes)) {
            return null;
        }
        try (JsonParser p = JsonTrees.FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                return null;
            }
            TreeReader.Read read = TreeReader.read(p, negativeZero, filter);
            return p.nextToken() == null ? read : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Jackson auto-detects UTF-16/32 and skips a byte order mark; Go accepts neither, so such input goes to the
     * slow path, which reports it.
     */
    static boolean hasForeignEncoding(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return true;
        }
        for (int i = 0; i < Math.min(4, b.length); i++) {
            if (b[i] == 0 || (b[i] & 0xFF) == 0xFE || (b[i] & 0xFF) == 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static void checkNumbers(JsonNode tree, byte[] bytes) {
        HugeNumber bad = hugeNumber(tree, bytes);
        if (bad != null) {
            throw new JsonProblem("number " + bad.literal() + " is out of range: JSON numbers must fit a 64-bit float",
                    bad.line(), bad.column(), bad.pointer(), true);
        }
    }

    /** A number that does not fit a float64: where it is and how it is written (cut after 40 characters). */
    public record HugeNumber(String pointer, int line, int column, String literal) {
    }

    /** {@return the first number of the tree that does not fit a 64-bit float (Go refuses those), or null} */
    public static HugeNumber hugeNumber(JsonNode tree, byte[] bytes) {
        String bad = findHugeNumber(tree, "");
        if (bad == null) {
            return null;
        }
        int[] pos = JsonLocator.position(bytes, bad);
        return new HugeNumber(bad, pos[0], pos[1], literal(bytes, pos[2], 40));
    }

    /**
     * The number literal that starts at {@code offset}, cut after {@code max} characters (with "...").
     *
     * @param bytes the document
     * @param offset where the number starts, or a negative value when unknown
     * @param max the longest literal returned whole
     * @return the literal, or {@code ""} when the offset is unknown
     */
    public static String literal(byte[] bytes, int offset, int max) {
        if (offset < 0) {
            return "";
        }
        int end = offset;
        while (end < bytes.length && end - offset < max && "+-.eE0123456789".indexOf(bytes[end]) >= 0) {
            end++;
        }
        String s = new String(bytes, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII);
        return end - offset >= max ? s + "..." : s;
    }

    /** {@return the JSON pointer of the first number under {@code pointer} that does not fit a float64, or null} */
    private static String findHugeNumber(JsonNode node, String pointer) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? null : pointer;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode() || e.getValue().isNumber()) {
                    String bad = findHugeNumber(e.getValue(), JsonPointers.child(pointer, e.getKey()));
                    if (bad != null) {
                        return bad;
                    }
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String bad = findHugeNumber(node.get(i), JsonPointers.child(pointer, i));
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** {@return the JSON kind of a value in Go's words: string, number, bool, array, object or null} */
    public static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }

    /** {@return a generic value's Go type as {@code %T} prints it after decoding into {@code interface{}}} */
    public static String goType(JsonNode node) {
        return switch (kind(node)) {
            case "string" -> "string";
            case "number" -> "float64";
            case "bool" -> "bool";
            case "array" -> "[]interface {}";
            case "object" -> "map[string]interface {}";
            default -> "<nil>";
        };
    }
}
