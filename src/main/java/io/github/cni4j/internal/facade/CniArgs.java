package io.github.cni4j.internal.facade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects CNI_ARGS pairs (labels and raw args) in insertion order and renders them.
 *
 * <p>go-cni keeps labels and args in one Go map, so its CNI_ARGS come out in random order; here the order is the
 * order the caller added them, and {@code IgnoreUnknown=1} goes first whenever there is any pair, because Go
 * plugins otherwise fail on keys they do not know ({@code ARGS: unknown args [...]}). CNI_ARGS has no escaping,
 * so characters that would split a pair are refused up front. Not thread-safe.
 */
public final class CniArgs {

    /** The key Go plugins read to tolerate keys they do not know. */
    public static final String IGNORE_UNKNOWN = "IgnoreUnknown";

    private final Map<String, String> pairs = new LinkedHashMap<>();

    /** Adds or replaces a pair; a replaced key keeps its first position.
     * @param key the key: not empty, without {@code ;}, {@code =}, NUL, CR or LF
     * @param value the value: without {@code ;}, NUL, CR or LF
     * @throws IllegalArgumentException if the key or value cannot be carried in CNI_ARGS */
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("CNI_ARGS key must not be empty");
        }
        int badKey = firstBad(key);
        int bad = badKey >= 0 ? badKey : firstBad(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("CNI_ARGS " + (badKey >= 0 ? "key " : "value of ") + quote(key)
                    + " contains " + describe((badKey >= 0 ? key : value).charAt(bad))
                    + ", which CNI_ARGS cannot carry (pairs are split at ';' and '=')");
        }
        pairs.put(key, value);
    }

    /**
     * Returns the pairs to send: {@code IgnoreUnknown=1} first (unless the caller set {@code IgnoreUnknown}
     * itself), then the caller's pairs in insertion order; empty when there are none.
     *
     * @return the pairs
     */
    public List<Map.Entry<String, String>> toPairs() {
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>(pairs.size() + 1);
        if (!pairs.containsKey(IGNORE_UNKNOWN)) {
            out.add(Map.entry(IGNORE_UNKNOWN, "1"));
        }
        pairs.forEach((k, v) -> out.add(Map.entry(k, v)));
        return List.copyOf(out);
    }

    /** {@return the pairs as the CNI_ARGS string, {@code K1=V1;K2=V2}, empty when there are none} */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> p : toPairs()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p.getKey()).append('=').append(p.getValue());
        }
        return sb.toString();
    }

    private static int firstBad(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // '=' is refused in values too: libcni would send it, but plugins split each pair at every '=' and
            // reject the pair (ARGS: invalid pair), and the invoker refuses it before any plugin runs.
            if (c == ';' || c == '=' || c == '\0' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        switch (c) {
            case '\0':
                return "a NUL character";
            case '\n':
                return "a line feed";
            case '\r':
                return "a carriage return";
            default:
                return "'" + c + "'";
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
