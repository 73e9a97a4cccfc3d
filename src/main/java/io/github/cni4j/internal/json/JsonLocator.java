package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.HashMap;
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
    private final String target;
    private final Map<String, Long> starts = new HashMap<>();
    private String expected = "a JSON value";
    private String current = "";
    private boolean found;

    private JsonLocator(byte[] bytes, String target) {
        this.bytes = bytes;
        this.target = target;
    }

    /**
     * Returns where the value at a pointer starts, or where its nearest existing ancestor starts (a missing key is
     * reported at the object that lacks it).
     *
     * @param bytes the JSON text
     * @param pointer a JSON pointer into it
     * @return {line, column}, {0, 0} when the text has no value at all
     */
    public static int[] position(byte[] bytes, String pointer) {
        JsonLocator locator = new JsonLocator(bytes, pointer);
        try {
            locator.walk();
        } catch (IOException | RuntimeException e) {
            // Positions found before the error still serve.
        }
        String p = pointer;
        while (true) {
            Long offset = locator.starts.get(p);
            if (offset != null) {
                return locator.lineColumn(offset.intValue());
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
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
        JsonLocator locator = new JsonLocator(bytes, null);
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
            return locator.problem(JsonMessages.describe(e.getOriginalMessage(), locator.expected), e.getLocation());
        } catch (IOException e) {
            String original = e instanceof com.fasterxml.jackson.core.JacksonException je
                    ? je.getOriginalMessage() : e.getMessage();
            JsonLocation loc = e instanceof com.fasterxml.jackson.core.JacksonException je ? je.getLocation() : null;
            return locator.problem(JsonMessages.describe(String.valueOf(original), locator.expected), loc);
        } catch (TrailingData e) {
            return locator.problem("unexpected data after the top-level value: expected the end of the input",
                    e.location);
        } catch (RuntimeException e) {
            return new JsonProblem("malformed JSON: " + e.getMessage(), 0, 0, locator.current, true);
        }
        return new JsonProblem("malformed JSON", 1, 1, "", true);
    }

    private JsonProblem problem(String message, JsonLocation location) {
        int[] pos;
        if (location == null || location.getByteOffset() < 0) {
            pos = new int[] {0, 0};
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
            if (found) {
                return;
            }
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
        if (pointer.equals(target)) {
            found = true;
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            expected = "a field name in double quotes or '}'";
            JsonToken next = p.nextToken();
            while (next == JsonToken.FIELD_NAME && !found) {
                String child = JsonPointers.child(pointer, p.currentName());
                expected = "a value after the field name";
                value(p, p.nextToken(), child);
                expected = "',' or '}' after an object member";
                current = pointer;
                if (!found) {
                    next = p.nextToken();
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            expected = "a value or ']'";
            int i = 0;
            JsonToken next = p.nextToken();
            while (JsonInput.isValueStart(next) && !found) {
                value(p, next, JsonPointers.child(pointer, i++));
                expected = "',' or ']' after an array element";
                current = pointer;
                if (!found) {
                    next = p.nextToken();
                }
            }
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
