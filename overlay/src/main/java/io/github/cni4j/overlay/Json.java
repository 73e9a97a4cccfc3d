package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flat JSON objects of string values, the format of the overlay's etcd values (package-private). */
final class Json {
    private Json() {
    }

    static String write(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey());
            sb.append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    static Map<String, String> read(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {skip(text, 0)};
        expect(text, pos, '{');
        if (peek(text, pos) == '}') {
            return out;
        }
        while (true) {
            String key = string(text, pos);
            expect(text, pos, ':');
            out.put(key, string(text, pos));
            char c = peek(text, pos);
            pos[0]++;
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new CniException(UNKNOWN, "bad JSON value in the cluster store: " + text);
            }
        }
    }

    private static int skip(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char peek(String t, int[] pos) {
        pos[0] = skip(t, pos[0]);
        if (pos[0] >= t.length()) {
            throw new CniException(UNKNOWN, "truncated JSON value in the cluster store: " + t);
        }
        return t.charAt(pos[0]);
    }

    private static void expect(String t, int[] pos, char c) {
        if (peek(t, pos) != c) {
            throw new CniException(UNKNOWN, "bad JSON value in the cluster store: " + t);
        }
        pos[0]++;
    }

    private static String string(String t, int[] pos) {
        expect(t, pos, '"');
        StringBuilder sb = new StringBuilder();
        int i = pos[0];
        while (i < t.length() && t.charAt(i) != '"') {
            char c = t.charAt(i++);
            if (c == '\\' && i < t.length()) {
                char n = t.charAt(i++);
                if (n == 'u' && i + 4 <= t.length()) {
                    sb.append((char) Integer.parseInt(t.substring(i, i + 4), 16));
                    i += 4;
                } else {
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                sb.append(c);
            }
        }
        if (i >= t.length()) {
            throw new CniException(UNKNOWN, "truncated JSON value in the cluster store: " + t);
        }
        pos[0] = i + 1;
        return sb.toString();
    }
}
