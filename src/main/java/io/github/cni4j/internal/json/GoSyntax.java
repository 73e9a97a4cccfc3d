package io.github.cni4j.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Finds the first syntax error in JSON text and words it as Go's {@code encoding/json} scanner does
 * ({@code invalid character 'x' looking for beginning of value}, {@code unexpected end of JSON input}), so error
 * messages match libcni's. Only the failure path runs it: Jackson does the actual parsing. Strings and numbers are
 * scanned by {@link JsonScanner}, the linter's scanner too; this class adds Go's grammar around them.
 */
public final class GoSyntax implements JsonScanner.Problems {

    /**
     * A syntax error.
     *
     * @param message Go's message
     * @param offset the byte offset it refers to (the length of the text when the input ended early)
     * @param context where the scanner was, in Go's words ({@code "after object key"}, {@code "in string literal"})
     */
    public record Error(String message, int offset, String context) {
    }

    private static final int MAX_DEPTH = 10000;

    /** The bytes, one char each (ISO-8859-1), so that offsets are byte offsets and Go quotes bytes. */
    private final String b;
    private int i;

    private GoSyntax(byte[] json) {
        this.b = new String(json, StandardCharsets.ISO_8859_1);
    }

    /** Returns the first syntax error Go would report, or {@code null} when the text is valid JSON. */
    public static Error check(byte[] json) {
        GoSyntax s = new GoSyntax(json);
        try {
            s.ws();
            s.value();
            s.ws();
            if (s.i < json.length) {
                s.fail("after top-level value");
            }
            return null;
        } catch (Failure f) {
            return f.error;
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Error error;

        Failure(Error error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** Stops at the scanner's first problem. */
    @Override
    public void problem(String context, int at, int from) {
        fail(at, context);
    }

    private void fail(String context) {
        fail(i, context);
    }

    private void fail(int at, String context) {
        if (at >= b.length()) {
            throw new Failure(new Error("unexpected end of JSON input", b.length(), context));
        }
        throw new Failure(new Error("invalid character " + quote(b.charAt(at)) + " " + context, at, context));
    }

    private static String quote(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String q = switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 7 -> "\\a";
            case 8 -> "\\b";
            case 12 -> "\\f";
            case 11 -> "\\v";
            default -> c < 0x20 || c == 0x7F ? String.format("\\x%02x", c)
                    : c >= 0x80 && c < 0xA0 ? String.format("\\u%04x", c)
                    : c == 0xAD ? "\\u00ad" : String.valueOf((char) c);
        };
        return "'" + q + "'";
    }

    private boolean at(char c) {
        return i < b.length() && b.charAt(i) == c;
    }

    private void ws() {
        i = JsonScanner.skipWhitespace(b, i);
    }

    /** Scans one value; iterative so that deep nesting cannot overflow the Java stack. */
    private void value() {
        char[] stack = new char[16]; // grown on demand: most JSON is shallow, and this runs per plugin result
        int depth = 0;
        while (true) {
            // here a value must start
            if (at('{') || at('[')) {
                char open = b.charAt(i);
                if (depth == MAX_DEPTH) {
                    fail("exceeded max depth");
                }
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, Math.min(MAX_DEPTH + 1, depth * 2));
                }
                stack[depth++] = open;
                i++;
                ws();
                if (at(open == '{' ? '}' : ']')) {
                    i++;
                    depth--;
                } else {
                    if (open == '{') {
                        key();
                    }
                    continue;
                }
            } else {
                scalar();
            }
            // after a value: close containers or move on to the next member
            while (true) {
                if (depth == 0) {
                    return;
                }
                ws();
                char top = stack[depth - 1];
                if (at(',')) {
                    i++;
                    ws();
                    if (top == '{') {
                        key();
                    }
                    break;
                }
                if (at(top == '{' ? '}' : ']')) {
                    i++;
                    depth--;
                    continue;
                }
                fail(top == '{' ? "after object key:value pair" : "after array element");
            }
        }
    }

    private void key() {
        if (!at('"')) {
            fail("looking for beginning of object key string");
        }
        i = JsonScanner.string(b, i, null, this);
        ws();
        if (!at(':')) {
            fail("after object key");
        }
        i++;
        ws();
    }

    private void scalar() {
        char c = i < b.length() ? b.charAt(i) : 0;
        switch (c) {
            case '"' -> i = JsonScanner.string(b, i, null, this);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    i = JsonScanner.number(b, i, this);
                } else {
                    fail("looking for beginning of value");
                }
            }
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (!at(word.charAt(k))) {
                fail("in literal " + word + " (expecting " + quote(word.charAt(k)) + ")");
            }
            i++;
        }
    }
}
