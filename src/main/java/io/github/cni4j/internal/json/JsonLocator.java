package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow, careful second reading of a JSON text: records where every value starts (by JSON pointer) and, for
 * text that is not JSON, says where and what was expected. Used only on error paths, so the common path pays
 * nothing for positions.
 *
 * <p>Lines and columns are 1-based; columns count characters (code points) from the start of the line.
 */
public final class JsonLocator {

    private final byte[] bytes;
    private final Map<String, Long> starts = new HashMap<>();
    private String expected = "a JSON value";
    private String current = "";
    private final List<Boolean> objects = new ArrayList<>();

    private JsonLocator(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns where the value at a pointer starts, or where its nearest existing ancestor starts (a missing key is
     * reported at the object that lacks it).
     *
     * @param bytes the JSON text
     * @param pointer a JSON pointer into it
     * @return {line, column, byte offset}, {0, 0, -1} when the text has no value at all
     */
    public static int[] position(byte[] bytes, String pointer) {
        // The whole text is walked: with duplicate keys the last occurrence is the value that counts.
        JsonLocator locator = new JsonLocator(bytes);
        try {
            locator.walk();
        } catch (IOException | RuntimeException e) {
            // Positions found before the error still serve.
        }
        String p = pointer;
        while (true) {
            Long offset = locator.starts.get(p);
            if (offset != null) {
                int[] lc = locator.lineColumn(offset.intValue());
                return new int[] {lc[0], lc[1], offset.intValue()};
            }
            if (p.isEmpty()) {
                return new int[] {0, 0, -1};
            }
            p = JsonPointers.parent(p);
        }
    }

    /**
     * Reads a text the fast path refused and describes the first problem.
     *
     * @param bytes the JSON text
     * @return the problem (always; text the fast path refused is never fine)
     */
    public static JsonProblem syntaxProblem(byte[] bytes) {
        JsonLocator locator = new JsonLocator(bytes);
        if (bytes.length == 0) {
            return new JsonProblem("unexpected end of JSON input", 0, 0, "", true);
        }
        if (JsonInput.hasForeignEncoding(bytes)) {
            return new JsonProblem("invalid character at the start: JSON text must be UTF-8 without a byte order mark",
                    1, 1, "", true);
        }
        try {
            locator.walk();
        } catch (StreamConstraintsException e) {
            return locator.problem(JsonMessages.describe(e.getOriginalMessage(), locator.expected, ""),
                    e.getLocation());
        } catch (IOException e) {
            String original = e instanceof JacksonException je
                    ? je.getOriginalMessage() : e.getMessage();
            JsonLocation loc = e instanceof JacksonException je ? je.getLocation() : null;
            int offset = loc == null || loc.getByteOffset() < 0 ? bytes.length
                    : (int) Math.min(loc.getByteOffset(), bytes.length);
            String message = JsonMessages.describe(String.valueOf(original), locator.expectedBefore(offset),
                    locator.expectedBefore(bytes.length));
            return locator.problem(message, loc);
        } catch (TrailingData e) {
            return locator.problem("unexpected data after the top-level value: expected the end of the input",
                    e.location);
        } catch (RuntimeException e) {
            return new JsonProblem("malformed JSON: " + e.getMessage(), 1, 1, locator.current, true);
        }
        return new JsonProblem("malformed JSON", 1, 1, "", true);
    }

    /** What could have followed the last non-blank character before {@code offset}. */
    private String expectedBefore(int offset) {
        if (expected.startsWith("the end")) {
            return expected;
        }
        int i = offset - 1;
        while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i--;
        }
        if (i < 0) {
            return "a JSON value";
        }
        boolean inObject = !objects.isEmpty() && objects.get(objects.size() - 1);
        return switch (bytes[i]) {
            case ':' -> "a value after the field name";
            case ',' -> inObject ? "a field name in double quotes" : "a value";
            case '{' -> "a field name in double quotes or '}'";
            case '[' -> "a value or ']'";
            default -> objects.isEmpty() ? "a JSON value" : inObject ? "',' or '}'" : "',' or ']'";
        };
    }

    private JsonProblem problem(String message, JsonLocation location) {
        int[] pos;
        if (location == null || location.getByteOffset() < 0) {
            pos = lineColumn(bytes.length);
        } else {
            pos = lineColumn((int) Math.min(location.getByteOffset(), bytes.length));
        }
        return new JsonProblem(message, pos[0], pos[1], current, true);
    }

    private void walk() throws IOException {
        try (JsonParser p = JsonTrees.MAPPER.getFactory().createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new java.io.EOFException("Unexpected end-of-input");
            }
            value(p, t, "");
            expected = "the end of the input after the top-level value";
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new TrailingData(p.currentTokenLocation());
            }
        }
    }

    private void value(JsonParser p, JsonToken t, String pointer) throws IOException {
        current = pointer;
        starts.put(pointer, p.currentTokenLocation().getByteOffset());
        if (t == JsonToken.START_OBJECT) {
            objects.add(Boolean.TRUE);
            expected = "a field name in double quotes or '}'";
            JsonToken next = p.nextToken();
            while (next == JsonToken.FIELD_NAME) {
                String child = JsonPointers.child(pointer, p.currentName());
                expected = "a value after the field name";
                value(p, p.nextToken(), child);
                expected = "',' or '}' after an object member";
                current = pointer;
                next = p.nextToken();
            }
            objects.remove(objects.size() - 1);
        } else if (t == JsonToken.START_ARRAY) {
            objects.add(Boolean.FALSE);
            expected = "a value or ']'";
            int i = 0;
            JsonToken next = p.nextToken();
            while (JsonInput.isValueStart(next)) {
                value(p, next, JsonPointers.child(pointer, i++));
                expected = "',' or ']' after an array element";
                current = pointer;
                next = p.nextToken();
            }
            objects.remove(objects.size() - 1);
        }
    }

    private int[] lineColumn(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset && i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** Something other than whitespace follows the top-level value. */
    private static final class TrailingData extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation location;

        TrailingData(JsonLocation location) {
            super(null, null, false, false);
            this.location = location;
        }
    }
}
