package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.json.JsonScanner;
import io.github.cni4j.lint.DiagnosticCode;

/**
 * Splits text into JSON tokens, reporting and stepping over what is not JSON (comments, single quotes, bad
 * escapes, stray characters) so that the parser always gets a usable token stream. Strings and numbers are read by
 * {@link JsonScanner}, the scanner of Go's syntax check too; this class words its problems for editors. One
 * instance per run.
 */
final class JsonLexer implements JsonScanner.Problems {

    enum Type { LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, STRING, NUMBER, LITERAL, WORD, EOF }

    /** A token; {@code text} is the decoded string, the number or word as written. */
    record Token(Type type, int start, int end, String text) {
        boolean startsValue() {
            return type == Type.STRING || type == Type.NUMBER || type == Type.LITERAL || type == Type.WORD
                    || type == Type.LBRACE || type == Type.LBRACKET;
        }
    }

    private static final String PUNCTUATION = "{}[]:,";

    private final String text;
    private final LintContext ctx;
    private int pos;

    JsonLexer(String text, LintContext ctx) {
        this.text = text;
        this.ctx = ctx;
        if (text.startsWith("\uFEFF")) {
            error(0, 1, "byte order mark at the start; JSON decoders such as Go's reject it");
            pos = 1;
        }
    }

    Token next() {
        while (true) {
            pos = JsonScanner.skipWhitespace(text, pos);
            if (pos >= text.length()) {
                return new Token(Type.EOF, text.length(), text.length(), "");
            }
            int start = pos;
            char c = text.charAt(pos);
            int punctuation = PUNCTUATION.indexOf(c);
            if (punctuation >= 0) {
                pos++;
                return new Token(Type.values()[punctuation], start, pos, String.valueOf(c));
            }
            if (c == '"' || c == '\'') {
                if (c == '\'') {
                    error(start, start + 1, "strings must be in double quotes, not single quotes");
                }
                StringBuilder sb = new StringBuilder();
                pos = JsonScanner.string(text, start, sb, this);
                return new Token(Type.STRING, start, pos, sb.toString());
            }
            if (c == '/' && comment()) {
                continue;
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                return word();
            }
            int cp = text.codePointAt(pos);
            pos += Character.charCount(cp);
            error(start, pos, "unexpected character '" + new String(Character.toChars(cp))
                    + "'; expected a JSON value, ',', ':' or a bracket");
        }
    }

    private boolean comment() {
        int start = pos;
        if (text.startsWith("//", pos)) {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
        } else if (text.startsWith("/*", pos)) {
            int close = text.indexOf("*/", pos + 2);
            pos = close < 0 ? text.length() : close + 2;
        } else {
            return false;
        }
        error(start, pos, "comments are not allowed in JSON");
        return true;
    }

    /** Words a problem of the scanner in a string; {@code from} is its quote or the escape's backslash. */
    @Override
    public void problem(String context, int at, int from) {
        char c = at < text.length() ? text.charAt(at) : '\0';
        if (context.equals(JsonScanner.IN_STRING) && (c == '\n' || c == '\r' || at >= text.length())) {
            error(from, at, "unterminated string; expected a closing " + text.charAt(from) + " on the same line");
        } else if (context.equals(JsonScanner.IN_STRING)) {
            error(at, at + 1, String.format("control character U+%04X in string; write it as an escape", (int) c));
        } else if (context.equals(JsonScanner.IN_UNICODE)) {
            error(from, Math.min(from + 2, text.length()), "invalid \\u escape; expected four hex digits");
        } else {
            int end = c == '\n' || c == '\r' || c == '\0' ? from + 1 : from + 2;
            error(from, Math.min(end, text.length()), "invalid escape '\\" + (c >= 0x20 ? c : ' ')
                    + "'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private Token number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (JsonScanner.number(text, start, null) != pos) {
            error(start, pos, "invalid number '" + s + "'");
        }
        return new Token(Type.NUMBER, start, pos, s);
    }

    private Token word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-' || c == '.')) {
                break;
            }
            pos++;
        }
        String w = text.substring(start, pos);
        boolean literal = w.equals("true") || w.equals("false") || w.equals("null");
        return new Token(literal ? Type.LITERAL : Type.WORD, start, pos, w);
    }

    private void error(int start, int end, String message) {
        ctx.report(DiagnosticCode.JSON_SYNTAX, start, end, "", message, null);
    }
}
