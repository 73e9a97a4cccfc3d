package io.github.cni4j.examples.cnitool;

import java.nio.charset.StandardCharsets;

/**
 * Re-indents JSON text the way Go's {@code json.MarshalIndent(v, "", "    ")} prints it (cnitool's ADD output):
 * a newline and four spaces per level after every {@code [ { ,}, {@code ": "} after keys, empty {@code {}} and
 * {@code []} kept on one line. It works on the text, like Go's {@code json.Indent}, so strings keep their exact
 * escapes and numbers their exact digits; the input is the Go-compatible compact bytes cni4j produces.
 */
final class GoIndent {

    private static final String UNIT = "    ";

    private GoIndent() {
    }

    static String indent(byte[] json) {
        String s = new String(json, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s.length() * 2);
        int depth = 0;
        boolean needIndent = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                // The first element after an opening bracket goes on its own line.
                newline(sb, depth);
                needIndent = false;
            }
            switch (c) {
                case '"' -> i = copyString(s, i, sb);
                case '{', '[' -> {
                    sb.append(c);
                    depth++;
                    needIndent = true;
                }
                case '}', ']' -> {
                    depth--;
                    if (needIndent) {
                        needIndent = false; // empty container: stays "{}" / "[]"
                    } else {
                        newline(sb, depth);
                    }
                    sb.append(c);
                }
                case ',' -> {
                    sb.append(c);
                    newline(sb, depth);
                }
                case ':' -> sb.append(": ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Copies the string starting at {@code start} (its opening quote) and returns the index of its closing quote. */
    private static int copyString(String s, int start, StringBuilder sb) {
        int i = start;
        sb.append('"');
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else if (c == '"') {
                return i;
            }
        }
        return i;
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        for (int d = 0; d < depth; d++) {
            sb.append(UNIT);
        }
    }
}
