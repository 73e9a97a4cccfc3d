package io.github.cni4j.internal.json;

/**
 * Finds the first syntax error in JSON text and words it as Go's {@code encoding/json} scanner does
 * ({@code invalid character 'x' looking for beginning of value}, {@code unexpected end of JSON input}), so error
 * messages match libcni's. Jackson still does the actual parsing.
 */
public final class GoSyntax {

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

    private final byte[] b;
    private int i;

    private GoSyntax(byte[] b) {
        this.b = b;
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

    private void fail(String context) {
        if (i >= b.length) {
            throw new Failure(new Error("unexpected end of JSON input", b.length, context));
        }
        throw new Failure(new Error("invalid character " + quote(b[i] & 0xFF) + " " + context, i, context));
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

    private void ws() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
    }

    /** Scans one value; iterative so that deep nesting cannot overflow the Java stack. */
    private void value() {
        char[] stack = new char[16]; // grown on demand: most JSON is shallow, and this runs per plugin result
        int depth = 0;
        while (true) {
            // here a value must start
            boolean closed = false;
            if (i < b.length && (b[i] == '{' || b[i] == '[')) {
                char open = (char) b[i];
                if (depth == MAX_DEPTH) {
                    fail("exceeded max depth");
                }
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, Math.min(MAX_DEPTH + 1, depth * 2));
                }
                stack[depth++] = open;
                i++;
                ws();
                if (i < b.length && b[i] == (open == '{' ? '}' : ']')) {
                    i++;
                    depth--;
                    closed = true;
                } else if (open == '{') {
                    key();
                    continue;
                } else {
                    continue;
                }
            }
            if (!closed) {
                scalar();
            }
            // after a value: close containers or move on to the next member
            while (true) {
                if (depth == 0) {
                    return;
                }
                ws();
                char top = stack[depth - 1];
                if (i < b.length && b[i] == ',') {
                    i++;
                    ws();
                    if (top == '{') {
                        key();
                    }
                    break;
                }
                if (i < b.length && b[i] == (top == '{' ? '}' : ']')) {
                    i++;
                    depth--;
                    continue;
                }
                fail(top == '{' ? "after object key:value pair" : "after array element");
            }
        }
    }

    private void key() {
        if (i >= b.length || b[i] != '"') {
            fail("looking for beginning of object key string");
        }
        string();
        ws();
        if (i >= b.length || b[i] != ':') {
            fail("after object key");
        }
        i++;
        ws();
    }

    private void scalar() {
        if (i >= b.length) {
            fail("looking for beginning of value");
        }
        switch (b[i]) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (b[i] == '-' || (b[i] >= '0' && b[i] <= '9')) {
                    number();
                } else {
                    fail("looking for beginning of value");
                }
            }
        }
    }

    private void string() {
        i++;
        while (true) {
            if (i >= b.length) {
                fail("in string literal");
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                i++;
                return;
            }
            if (c == '\\') {
                i++;
                escape();
            } else if (c < 0x20) {
                fail("in string literal");
            } else {
                i++;
            }
        }
    }

    private void escape() {
        if (i >= b.length) {
            fail("in string escape code");
        }
        if ("\"\\/bfnrt".indexOf(b[i]) >= 0) {
            i++;
            return;
        }
        if (b[i] != 'u') {
            fail("in string escape code");
        }
        i++;
        for (int k = 0; k < 4; k++) {
            if (i >= b.length || Character.digit(b[i], 16) < 0) {
                fail("in \\u hexadecimal character escape");
            }
            i++;
        }
    }

    private void number() {
        if (b[i] == '-') {
            i++;
            if (i >= b.length || b[i] < '0' || b[i] > '9') {
                fail("in numeric literal");
            }
        }
        if (b[i] == '0') {
            i++;
        } else {
            digits();
        }
        if (i < b.length && b[i] == '.') {
            i++;
            if (i >= b.length || b[i] < '0' || b[i] > '9') {
                fail("after decimal point in numeric literal");
            }
            digits();
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= b.length || b[i] < '0' || b[i] > '9') {
                fail("in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (i >= b.length || b[i] != word.charAt(k)) {
                if (k == 0) {
                    fail("looking for beginning of value");
                }
                fail("in literal " + word + " (expecting " + quote(word.charAt(k)) + ")");
            }
            i++;
        }
    }
}
