package io.github.cni4j.internal.json;

/**
 * The one character-level JSON scanner: whitespace, strings with their escapes, and numbers, by JSON's grammar.
 * Shared by Go's syntax check ({@link GoSyntax}, over a byte-per-char view of UTF-8 text) and the linter's tolerant
 * lexer (over the editor's text), so that both agree on what is a well-formed token.
 *
 * <p>Each problem is handed to a {@link Problems} sink in Go's words, at the offending offset. A sink that throws
 * stops at the first problem (Go's behaviour); one that returns gets the tolerant recovery: a string ends at a line
 * break or the end of the text, a bad escape is stepped over, a control character is kept.
 */
public final class JsonScanner {

    /** Go's context of a problem inside a string (an unescaped control character or a missing closing quote). */
    public static final String IN_STRING = "in string literal";
    /** Go's context of a bad escape character. */
    public static final String IN_ESCAPE = "in string escape code";
    /** Go's context of a bad {@code \\u} escape. */
    public static final String IN_UNICODE = "in \\u hexadecimal character escape";

    /** Receives the problems of a scan. */
    public interface Problems {
        /**
         * One problem.
         *
         * @param context Go's words for where the scanner was
         * @param at the offending offset (the length of the text when it ended early)
         * @param from where the construct starts: the quote of a string, the backslash of an escape, a number's start
         */
        void problem(String context, int at, int from);
    }

    private JsonScanner() {
    }

    /** {@return the offset of the first character at or after {@code i} that is not JSON whitespace} */
    public static int skipWhitespace(CharSequence s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * Scans the string whose opening quote is at {@code start}.
     *
     * @param s the text
     * @param start the offset of the opening quote, which is also the closing one ({@code "} or, tolerated, {@code '})
     * @param decoded receives the decoded content, or null
     * @param problems the sink
     * @return the offset after the closing quote, or of the line break or end that cut the string short
     */
    public static int string(CharSequence s, int start, StringBuilder decoded, Problems problems) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (true) {
            char c = i < s.length() ? s.charAt(i) : '\n';
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                problems.problem(IN_STRING, i, start);
                return i;
            }
            if (c == '\\') {
                i = escape(s, i, decoded, problems);
                continue;
            }
            if (c < 0x20) {
                problems.problem(IN_STRING, i, start);
            }
            if (decoded != null) {
                decoded.append(c);
            }
            i++;
        }
    }

    /** Scans the escape at {@code i} (its backslash); returns the offset after it, or where recovery goes on. */
    private static int escape(CharSequence s, int i, StringBuilder decoded, Problems problems) {
        char e = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
        int simple = "\"\\/bfnrt".indexOf(e);
        if (simple >= 0) {
            if (decoded != null) {
                decoded.append("\"\\/\b\f\n\r\t".charAt(simple));
            }
            return i + 2;
        }
        if (e != 'u') {
            problems.problem(IN_ESCAPE, i + 1, i);
            // A line break or the end stays for the string to end at; NUL is then read as a control character.
            return e == '\n' || e == '\r' || e == '\0' ? i + 1 : i + 2;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (k >= s.length() || "0123456789abcdefABCDEF".indexOf(s.charAt(k)) < 0) {
                problems.problem(IN_UNICODE, k, i);
                return i + 2;
            }
        }
        if (decoded != null) {
            decoded.append((char) Integer.parseInt(s.subSequence(i + 2, i + 6).toString(), 16));
        }
        return i + 6;
    }

    /**
     * Scans the number at {@code start} (a {@code -} or a digit) by JSON's grammar.
     *
     * @param s the text
     * @param start where the number starts
     * @param problems the sink of the first problem, or null
     * @return the offset after the number, or -1 after a problem
     */
    public static int number(CharSequence s, int start, Problems problems) {
        int i = start;
        if (s.charAt(i) == '-' && !isDigit(s, ++i)) {
            return fail(problems, "in numeric literal", i, start);
        }
        i = s.charAt(i) == '0' ? i + 1 : digits(s, i);
        if (i < s.length() && s.charAt(i) == '.') {
            if (!isDigit(s, ++i)) {
                return fail(problems, "after decimal point in numeric literal", i, start);
            }
            i = digits(s, i);
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (!isDigit(s, i)) {
                return fail(problems, "in exponent of numeric literal", i, start);
            }
            i = digits(s, i);
        }
        return i;
    }

    private static int fail(Problems problems, String context, int at, int from) {
        if (problems != null) {
            problems.problem(context, at, from);
        }
        return -1;
    }

    private static boolean isDigit(CharSequence s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static int digits(CharSequence s, int i) {
        while (isDigit(s, i)) {
            i++;
        }
        return i;
    }
}
