package io.github.cni4j.internal.config;

/**
 * Quotes a string as Go's {@code %q} verb does ({@code strconv.Quote}), for libcni messages that print values
 * with it: printable characters stay, quotes and backslashes are escaped, controls get their short or hex escapes.
 */
public final class GoQuote {

    private GoQuote() {
    }

    /**
     * Quotes a string.
     *
     * @param s the string
     * @return the Go-quoted form, with the double quotes
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> appendOther(sb, c);
            }
        }
        return sb.append('"').toString();
    }

    private static void appendOther(StringBuilder sb, int c) {
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            // A Go string decoded from JSON holds U+FFFD where Java keeps a lone surrogate.
            sb.append('\uFFFD');
        } else if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", c));
        } else if (isPrint(c)) {
            sb.appendCodePoint(c);
        } else if (c <= 0xFFFF) {
            sb.append(String.format("\\u%04x", c));
        } else {
            sb.append(String.format("\\U%08x", c));
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
