package io.github.cni4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Encodes JSON exactly as Go's {@code encoding/json} {@code Marshal} does for the generic values libcni works with,
 * so that the bytes a plugin reads on stdin and the bytes in the result cache match Go libcni's byte for byte.
 *
 * <p>The rules (REFERENCE B.3): object keys sorted by their UTF-8 bytes at every level, compact output without a
 * trailing newline, HTML-safe string escaping, and every number formatted as a float64. A {@link RawValue} inside a
 * {@link POJONode} is written verbatim: that is how a Go struct value (which keeps its field order) sits inside a
 * map that Go sorts.
 */
public final class GoJson {

    /** Go sorts map keys by their bytes; for valid UTF-8 that is the same as code point order. */
    public static final Comparator<String> KEY_ORDER = GoJson::compareCodePoints;

    private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY = Map.Entry.comparingByKey(KEY_ORDER);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** {@return the UTF-8 bytes of a tree with sorted keys, as Go marshals a {@code map[string]interface{}}} */
    public static byte[] encode(JsonNode node) {
        return TextBuffers.write(sb -> write(sb, node));
    }

    /**
     * {@return the UTF-8 bytes of an object as {@link #encode} gives them, with members set on top of {@code base}'s}
     * As Go marshals a map it decoded and then set keys in: no copy of the base object is made.
     *
     * @param base an object node (only read)
     * @param keys the member names to set
     * @param values their values, {@code null} for a member not set
     */
    public static byte[] encodeWith(JsonNode base, String[] keys, JsonNode[] values) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(base.size() + keys.length);
        Iterator<Map.Entry<String, JsonNode>> it = base.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isSet(e.getKey(), keys, values)) {
                entries.add(e);
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                entries.add(Map.entry(keys[i], values[i]));
            }
        }
        return TextBuffers.write(sb -> writeMembers(sb, entries));
    }

    private static boolean isSet(String key, String[] keys, JsonNode[] values) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null && keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Appends one value (sorted keys at every level); a Java {@code null} writes {@code null}. */
    public static void write(StringBuilder sb, JsonNode node) {
        if (node == null) {
            sb.append("null");
            return;
        }
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT -> writeObject(sb, node);
            case ARRAY -> writeArray(sb, node);
            case STRING -> appendString(sb, node.textValue());
            case NUMBER -> appendNumber(sb, node.doubleValue());
            case BOOLEAN -> sb.append(node.booleanValue());
            case POJO -> writePojo(sb, (POJONode) node);
            case BINARY -> appendString(sb, node.asText());
            default -> sb.append("null");
        }
    }

    private static void writePojo(StringBuilder sb, POJONode node) {
        Object pojo = node.getPojo();
        if (pojo instanceof RawValue raw) {
            sb.append(raw.rawValue());
        } else {
            throw new IllegalArgumentException("unsupported POJO in JSON tree: " + pojo);
        }
    }

    private static void writeObject(StringBuilder sb, JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            entries.add(it.next());
        }
        writeMembers(sb, entries);
    }

    private static void writeMembers(StringBuilder sb, List<Map.Entry<String, JsonNode>> entries) {
        entries.sort(BY_KEY);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, e.getKey());
            sb.append(':');
            write(sb, e.getValue());
        }
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, JsonNode node) {
        sb.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, node.get(i));
        }
        sb.append(']');
    }

    /**
     * Appends a JSON string with Go's escaping: {@code \" \\ \n \r \t}; other control characters,
     * {@code < > &} and U+2028/U+2029 as lowercase u-escapes (backslash u 00XX); an unpaired surrogate as a raw U+FFFD
     * (a Java string holds one where Go's JSON decoder would have put U+FFFD, which Go's encoder then writes raw);
     * everything else, including {@code /} and non-ASCII, raw.
     *
     * <p>Go 1.22 started writing backspace and form feed in their short forms; this follows the four-hex-digit
     * form of the Go toolchain Debian ships (the offline oracle), which plugins decode identically.
     */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(sb, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // Go's decoder turns such an escape into U+FFFD, which its encoder writes raw.
                        sb.append('\ufffd');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /**
     * Appends a number as Go formats a float64: the shortest decimal that round-trips, plain notation for
     * {@code 1e-6 <= |x| < 1e21}, otherwise exponent form with at least a two-digit-free exponent ({@code 1e+21},
     * {@code 1e-7}); {@code d} must be finite.
     */
    public static void appendNumber(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON cannot encode " + d);
        }
        if (d == 0) {
            sb.append(1 / d < 0 ? "-0" : "0");
            return;
        }
        double abs = Math.abs(d);
        if (abs == Math.rint(abs) && abs < 1e15) {
            sb.append((long) d);
            return;
        }
        BigDecimal shortest = shortest(d);
        if (abs < 1e-6 || abs >= 1e21) {
            appendExponent(sb, shortest);
        } else {
            sb.append(shortest.toPlainString());
        }
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}, the nearest one among those,
     * as Go's {@code strconv.FormatFloat(d, 'g', -1, 64)} picks it. JDK 17's {@code Double.toString} sometimes
     * prints more digits than needed (JDK-4511638, fixed in JDK 19), so it is not used.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static void appendExponent(StringBuilder sb, BigDecimal v) {
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale();
        if (v.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }

    /** The code point at {@code i}, with an unpaired surrogate read as U+FFFD, which is what Go holds there. */
    private static int goRune(String s, int i) {
        int c = s.codePointAt(i);
        return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = goRune(a, i);
            int cb = goRune(b, j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(a.codePointAt(i));
            j += Character.charCount(b.codePointAt(j));
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
