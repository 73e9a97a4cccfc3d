package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Positions in a JSON text, on error paths only: where each value starts (by JSON pointer, from Jackson's token
 * locations) and, for text that is not JSON, where and what was expected. The failing offset and its context come
 * from {@link GoSyntax} (the scanner that words Go's errors); only what Go accepts but cni4j's limits refuse
 * (depth, lengths, invalid UTF-8) is explained from Jackson's failure.
 *
 * <p>Lines and columns are 1-based; columns count characters (code points) from the start of the line.
 */
public final class JsonLocator {

    private static final String ANY_VALUE = "a value (a string, number, object, array, true, false or null)";

    private final byte[] bytes;
    private final Map<String, Long> starts = new HashMap<>();
    private String current = "";

    private JsonLocator(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * {@return {line, column, byte offset} where the value at a pointer starts, or its nearest existing ancestor
     * (a missing key is reported at the object that lacks it); {0, 0, -1} when the text has no value at all}
     */
    public static int[] position(byte[] bytes, String pointer) {
        // The whole text is walked: with duplicate keys the last occurrence is the value that counts.
        JsonLocator locator = new JsonLocator(bytes);
        locator.walkQuietly();
        for (String p = pointer; ; p = JsonPointers.parent(p)) {
            Long offset = locator.starts.get(p);
            if (offset != null) {
                int[] lc = lineColumn(bytes, offset.intValue());
                return new int[] {lc[0], lc[1], offset.intValue()};
            }
            if (p.isEmpty()) {
                return new int[] {0, 0, -1};
            }
        }
    }

    /** {@return the first problem of a text the fast path refused (always one: such text is never fine)} */
    public static JsonProblem syntaxProblem(byte[] bytes) {
        if (bytes.length == 0) {
            return new JsonProblem("unexpected end of JSON input", 0, 0, "", true);
        }
        if (JsonInput.hasForeignEncoding(bytes)) {
            return new JsonProblem("invalid character at the start: JSON text must be UTF-8 without a byte order mark",
                    1, 1, "", true);
        }
        JsonLocator locator = new JsonLocator(bytes);
        GoSyntax.Error go = GoSyntax.check(bytes);
        IOException jackson = locator.walkQuietly();
        if (go != null) {
            return locator.explain(go);
        }
        String m = jackson instanceof JacksonException je ? String.valueOf(je.getOriginalMessage()) : "";
        JsonLocation loc = jackson instanceof JacksonException je ? je.getLocation() : null;
        int offset = loc == null || loc.getByteOffset() < 0 ? bytes.length
                : (int) Math.min(loc.getByteOffset(), bytes.length);
        String message = m.contains("nesting depth") ? "JSON nests deeper than " + JsonTrees.MAX_DEPTH + " levels"
                : m.contains("String value length") ? "string longer than " + JsonTrees.MAX_STRING_LENGTH + " bytes"
                : m.contains("Number value length") ? "number longer than " + JsonTrees.MAX_NUMBER_LENGTH
                        + " characters"
                : m.contains("Invalid UTF-8") ? "invalid UTF-8 byte sequence: JSON text must be UTF-8"
                : m.contains("surrogate")
                        // Go reads an unpaired surrogate escape as U+FFFD; Jackson refuses it in field names.
                        ? "unpaired surrogate escape in a field name: expected a \\uD800-\\uDBFF \\uDC00-\\uDFFF pair"
                : "malformed JSON";
        return locator.problem(message, offset);
    }

    /** Rewords Go's syntax error in cni4j's terms: what was found, and what was expected there. */
    private JsonProblem explain(GoSyntax.Error go) {
        int at = go.offset();
        String context = go.context();
        boolean eof = at >= bytes.length;
        if (context.startsWith("in literal") || (context.equals("looking for beginning of value")
                || context.equals("after top-level value")) && !eof && Character.isLetter(bytes[at])) {
            int start = at;
            while (start > 0 && Character.isLetter(bytes[start - 1])) {
                start--;
            }
            int end = start;
            while (end < bytes.length && Character.isLetterOrDigit(bytes[end]) && end - start < 41) {
                end++;
            }
            String token = new String(bytes, start, Math.min(end - start, 40), java.nio.charset.StandardCharsets.UTF_8)
                    + (end - start > 40 ? "..." : "");
            return problem("invalid literal '" + token + "': expected "
                    + (context.startsWith("after") ? expected(context, at) : ANY_VALUE), start);
        }
        if (eof) {
            return problem("unexpected end of JSON input: expected " + expected(context, at), at);
        }
        String found = describeChar(bytes[at] & 0xFF);
        String message = switch (context) {
            case "after top-level value" -> "unexpected data after the top-level value: expected the end of the input";
            case "in string literal" -> "invalid control character " + found
                    + " in a string: expected it escaped (\\n, \\t, \\u00XX)";
            case "in string escape code" -> "invalid escape sequence " + found
                    + " in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
            case "in \\u hexadecimal character escape" -> "invalid character " + found
                    + " in a \\u escape: expected four hex digits";
            case "exceeded max depth" -> "JSON nests deeper than " + JsonTrees.MAX_DEPTH + " levels";
            default -> context.contains("numeric literal")
                    ? "invalid number: expected digits as JSON writes them (no leading zeros, NaN or Infinity)"
                    : "invalid character " + found + ": expected " + expected(context, at);
        };
        return problem(message, at);
    }

    /** What could have stood at {@code offset}, from Go's context and the last non-blank byte before it. */
    private String expected(String context, int offset) {
        int i = offset - 1;
        while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i--;
        }
        byte before = i < 0 ? 0 : bytes[i];
        return switch (context) {
            case "looking for beginning of object key string" -> before == '{' && offset >= bytes.length
                    ? "a field name in double quotes or '}'" : "a field name in double quotes";
            case "after object key" -> "':' after the field name";
            case "after object key:value pair" -> "',' or '}' after an object member";
            case "after array element" -> "',' or ']' after an array element";
            case "after top-level value" -> "the end of the input after the top-level value";
            case "looking for beginning of value" -> before == ':' ? "a value after the field name"
                    : before == '[' ? "a value or ']'" : before == ',' ? "a value" : i < 0 ? "a JSON value" : ANY_VALUE;
            default -> context.startsWith("in string") || context.startsWith("in \\u")
                    ? "the closing '\"' of a string" : "the rest of the value";
        };
    }

    private static String describeChar(int c) {
        if (c < 0x20 || c == 0x7F || c == ' ' || c >= 0x80) {
            return String.format("U+%04X", c);
        }
        return "'" + (char) c + "'";
    }

    private JsonProblem problem(String message, int offset) {
        int[] pos = lineColumn(bytes, Math.min(offset, bytes.length));
        return new JsonProblem(message, pos[0], pos[1], current, true);
    }

    /**
     * Walks the first value of the text with Jackson, recording where values start (the JSON pointer from Jackson's
     * parsing context, the offset from its token location) and the container it is in; returns Jackson's failure.
     */
    private IOException walkQuietly() {
        try (JsonParser p = JsonTrees.FACTORY.createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext c = p.getParsingContext();
                if (t.isScalarValue() || t.isStructStart()) {
                    starts.put(c.pathAsPointer().toString(), p.currentTokenLocation().getByteOffset());
                }
                current = c.getParent() == null ? "" : c.getParent().pathAsPointer().toString();
                if (c.inRoot()) {
                    break;
                }
            }
            return null;
        } catch (IOException e) {
            return e;
        } catch (RuntimeException e) {
            return new IOException(e);
        }
    }

    /** {@return {1-based line, column in code points} of a byte offset; \n, \r\n and a lone \r end lines} */
    public static int[] lineColumn(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80 && b != '\r') {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
