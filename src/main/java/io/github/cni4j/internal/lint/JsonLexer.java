package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.json.GoSyntax;
import io.github.cni4j.lint.DiagnosticCode;
import java.nio.charset.StandardCharsets;

/**
 * Splits text into JSON tokens, reporting and stepping over what is not JSON (comments, single quotes, bad
 * escapes, stray characters) so that the parser always gets a usable token stream. One instance per run.
 */
final class JsonLexer {

    enum Type { LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, STRING, NUMBER, LITERAL, WORD, EOF }

    /** A token; {@code text} is the decoded string, the number or word as written. */
    record Token(Type type, int start, int end, String text) {
        boolean startsValue() {
            return type == Type.STRING || type == Type.NUMBER || type == Type.LITERAL || type == Type.WORD
                    || type == Type.LBRACE || type == Type.LBRACKET;
        }
    }

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
            skipWhitespace();
            if (pos >= text.length()) {
                return new Token(Type.EOF, text.length(), text.length(), "");
            }
            int start = pos;
            char c = text.charAt(pos);
            switch (c) {
                case '{': pos++; return new Token(Type.LBRACE, start, pos, "{");
                case '}': pos++; return new Token(Type.RBRACE, start, pos, "}");
                case '[': pos++; return new Token(Type.LBRACKET, start, pos, "[");
                case ']': pos++; return new Token(Type.RBRACKET, start, pos, "]");
                case ':': pos++; return new Token(Type.COLON, start, pos, ":");
                case ',': pos++; return new Token(Type.COMMA, start, pos, ",");
                case '"': return string('"');
                case '\'':
                    error(start, start + 1, "strings must be in double quotes, not single quotes");
                    return string('\'');
                case '/':
                    if (comment()) {
                        continue;
                    }
                    break;
                default:
                    if (c == '-' || c >= '0' && c <= '9') {
                        return number();
                    }
                    if (Character.isLetter(c) || c == '_' || c == '$') {
                        return word();
                    }
            }
            int cp = text.codePointAt(pos);
            pos += Character.charCount(cp);
            error(start, pos, "unexpected character '" + new String(Character.toChars(cp))
                    + "'; expected a JSON value, ',', ':' or a bracket");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
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

    private Token string(char quote) {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                error(start, pos, "unterminated string; expected a closing " + quote + " on the same line");
                return new Token(Type.STRING, start, pos, sb.toString());
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Type.STRING, start, pos, sb.toString());
            }
            if (c == '\\') {
                escape(sb);
                continue;
            }
            if (c < 0x20) {
                error(pos, pos + 1, String.format("control character U+%04X in string; write it as an escape", (int) c));
            }
            sb.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder sb) {
        int start = pos;
        char e = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        pos += 2;
        switch (e) {
            case '"': sb.append('"'); return;
            case '\\': sb.append('\\'); return;
            case '/': sb.append('/'); return;
            case 'b': sb.append('\b'); return;
            case 'f': sb.append('\f'); return;
            case 'n': sb.append('\n'); return;
            case 'r': sb.append('\r'); return;
            case 't': sb.append('\t'); return;
            case 'u':
                if (pos + 4 <= text.length() && isHex(text, pos, pos + 4)) {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    return;
                }
                error(start, Math.min(pos, text.length()), "invalid \\u escape; expected four hex digits");
                return;
            default:
                if (e == '\n' || e == '\r' || e == '\0') {
                    pos--;   // let the string end at the line break or the end of input
                }
                error(start, Math.min(pos, text.length()), "invalid escape '\\" + (e >= 0x20 ? e : ' ')
                        + "'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private Token number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (GoSyntax.check(s.getBytes(StandardCharsets.US_ASCII)) != null) {   // JSON's number grammar
            error(start, pos, "invalid number '" + s + "'");
        }
        return new Token(Type.NUMBER, start, pos, s);
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i >= s.length() || "0123456789abcdefABCDEF".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
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
