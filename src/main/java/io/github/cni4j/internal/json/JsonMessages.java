package io.github.cni4j.internal.json;

/**
 * Turns Jackson's parse failure texts into cni4j's own short messages that say what was found and what was
 * expected. Jackson's wording never reaches users.
 */
final class JsonMessages {

    private JsonMessages() {
    }

    /**
     * Describes a failure.
     *
     * @param jackson Jackson's original message
     * @param expected what the reader expected at that point, in words
     * @param eofExpected what was expected when the input ended early
     * @return the message
     */
    static String describe(String jackson, String expected, String eofExpected) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Unexpected close marker '") && m.length() > 26) {
            return "invalid character '" + m.charAt(25) + "': expected " + expected;
        }
        if (m.contains("end-of-input")) {
            if (m.contains("VALUE_STRING") || m.contains("String value")) {
                return "unexpected end of JSON input: expected the closing '\"' of a string";
            }
            return "unexpected end of JSON input: expected " + eofExpected;
        }
        String found = found(m);
        if (m.contains("nesting depth")) {
            return "JSON nests deeper than " + JsonTrees.MAX_DEPTH + " levels";
        }
        if (m.contains("String value length")) {
            return "string longer than " + JsonTrees.MAX_STRING_LENGTH + " bytes";
        }
        if (m.contains("Number value length")) {
            return "number longer than " + JsonTrees.MAX_NUMBER_LENGTH + " characters";
        }
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF-32") || m.contains("Invalid UTF-16")) {
            return "invalid UTF-8 byte sequence: JSON text must be UTF-8";
        }
        if (m.contains("surrogate")) {
            // Go reads an unpaired surrogate escape as U+FFFD; Jackson refuses it in field names (values are fine).
            return "unpaired surrogate escape in a field name: expected a \\uD800-\\uDBFF \\uDC00-\\uDFFF pair";
        }
        if (m.contains("Illegal unquoted character")) {
            return "invalid control character " + found + " in a string: expected it escaped (\\n, \\t, \\u00XX)";
        }
        if (m.contains("Unrecognized character escape")) {
            return "invalid escape sequence " + found + " in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r"
                    + " \\t \\uXXXX";
        }
        if (m.contains("Leading zeroes") || m.contains("numeric value") || m.contains("Non-standard token")
                || m.contains("expected digit") || m.contains("Unexpected character") && m.contains("number")) {
            return "invalid number: expected digits as JSON writes them (no leading zeros, NaN or Infinity)";
        }
        if (m.contains("Unrecognized token")) {
            return "invalid literal " + quotedToken(m) + ": expected "
                    + (expected.startsWith("the end") ? expected
                    : "a value (a string, number, object, array, true, false or null)");
        }
        if (m.contains("was expecting double-quote to start field name")) {
            return "invalid character " + found + ": expected a field name in double quotes";
        }
        if (m.contains("was expecting a colon")) {
            return "invalid character " + found + ": expected ':' after the field name";
        }
        if (m.contains("was expecting comma to separate Object entries")) {
            return "invalid character " + found + ": expected ',' or '}' after an object member";
        }
        if (m.contains("was expecting comma to separate Array entries")) {
            return "invalid character " + found + ": expected ',' or ']' after an array element";
        }
        if (m.contains("Unexpected character")) {
            return "invalid character " + found + ": expected " + expected;
        }
        return "malformed JSON: expected " + expected;
    }

    /** Jackson writes the offending character as {@code ('x' (code 120))}. */
    private static String found(String m) {
        int code = m.indexOf("code ");
        if (code < 0) {
            return "";
        }
        int end = m.indexOf(')', code);
        try {
            String num = m.substring(code + 5, end).trim();
            if (num.startsWith("0x")) {
                num = num.substring(2);
                return describeChar(Integer.parseInt(num.split("\\s")[0], 16));
            }
            return describeChar(Integer.parseInt(num.split("\\s")[0]));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String describeChar(int c) {
        if (c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
            return String.format("U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    private static String quotedToken(String m) {
        int start = m.indexOf('\'');
        int end = start < 0 ? -1 : m.indexOf('\'', start + 1);
        if (start < 0 || end < 0) {
            return "";
        }
        String token = m.substring(start + 1, end);
        return "'" + (token.length() > 40 ? token.substring(0, 40) + "..." : token) + "'";
    }
}
