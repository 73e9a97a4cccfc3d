package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks shared by the rule classes: JSON types, unknown keys with "did you mean", plain file names. */
final class Checks {

    private Checks() {
    }

    /**
     * Whether a node has the type a field needs; integers must be written without fraction or exponent, since Go
     * refuses {@code 1.0} and {@code 1e3} for an {@code int} field.
     */
    static boolean hasType(JsonNode n, FieldType t) {
        switch (t) {
            case STRING: return n.isString();
            case BOOLEAN: return n.kind() == JsonNode.Kind.BOOLEAN;
            case INTEGER: return n.kind() == JsonNode.Kind.NUMBER && isInteger(n.text());
            case OBJECT: return n.isObject();
            case ARRAY: return n.isArray();
            default: return true;
        }
    }

    /**
     * Whether {@code s} is one character of {@code first} followed by characters of {@code rest} (a regular
     * expression would cost its compilation on the first lint); a {@code -} in {@code first} must be followed by
     * something.
     */
    static boolean isWord(String s, String first, String rest) {
        if (s.isEmpty() || first.indexOf(s.charAt(0)) < 0 || s.charAt(0) == '-' && s.length() == 1) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (rest.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static String typeWord(FieldType t) {
        return t == FieldType.INTEGER ? "an integer" : t == FieldType.ARRAY || t == FieldType.OBJECT
                ? "an " + t.name().toLowerCase(Locale.ROOT) : "a " + t.name().toLowerCase(Locale.ROOT);
    }

    /** {@return whether the node has the type}, else reports it (ERROR nodes were reported as syntax errors) */
    static boolean expect(LintContext ctx, DiagnosticCode code, JsonNode n, String ptr, String what, FieldType t) {
        if (hasType(n, t) || n.kind() == JsonNode.Kind.ERROR) {
            return hasType(n, t);
        }
        String fix = null;
        if (t == FieldType.BOOLEAN && n.isString() && (n.text().equalsIgnoreCase("true") || n.text().equalsIgnoreCase("false"))) {
            fix = "write " + n.text().toLowerCase(Locale.ROOT) + " without quotes";
        } else if (t == FieldType.INTEGER && n.isString() && isInteger(n.text())) {
            fix = "write " + n.text() + " without quotes";
        }
        ctx.report(code, n.start(), n.end(), ptr, what + " must be " + typeWord(t) + ", found " + n.typeName()
                + (n.kind() == JsonNode.Kind.NUMBER || n.kind() == JsonNode.Kind.BOOLEAN ? " " + n.text() : ""), fix);
        return false;
    }

    /** Checks an object's members against known fields: unknown keys (with a suggestion), wrong types. */
    static void fields(LintContext ctx, JsonNode obj, String ptr, String owner, Map<String, FieldType> known) {
        for (JsonNode.Member m : obj.members()) {
            String childPtr = LintContext.child(ptr, m.key());
            FieldType t = known.get(m.key());
            if (t == null) {
                // Go's encoding/json matches keys case-insensitively: "Nameservers" fills "nameservers".
                for (Map.Entry<String, FieldType> e : known.entrySet()) {
                    if (t == null && e.getKey().equalsIgnoreCase(m.key())) {
                        t = e.getValue();
                    }
                }
            }
            if (t == null) {
                if (m.key().startsWith("cni.dev/")) {
                    continue;
                }
                ctx.report(DiagnosticCode.UNKNOWN_FIELD, m.keyStart(), m.keyEnd(), childPtr,
                        "unknown field \"" + m.key() + "\" for " + owner + "; it is passed through but not read",
                        didYouMean(m.key(), known.keySet()));
            } else {
                expect(ctx, DiagnosticCode.FIELD_TYPE, m.value(), childPtr, "\"" + m.key() + "\" of " + owner, t);
            }
        }
    }

    /** The hint {@code did you mean "x"?} for the nearest candidate, or {@code null} when none is near. */
    static String didYouMean(String word, Collection<String> candidates) {
        Optional<String> near = nearest(word, candidates);
        return near.isPresent() ? "did you mean \"" + near.get() + "\"?" : null;
    }

    /** The candidate closest to a misspelt word, if one is close enough to be a likely typo. */
    static Optional<String> nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = c.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance(lower, c.toLowerCase(Locale.ROOT)) + 1;
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, Math.min(word.length(), best == null ? 0 : best.length()) / 3 + 1);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Optimal string alignment distance: edits plus swaps of neighbours, each costing one. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return 99;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** libcni refuses plugin types that are not plain file names, since they would escape the plugin dirs. */
    static boolean isPlainFileName(String type) {
        return !type.isEmpty() && !type.equals(".") && !type.equals("..") && type.indexOf('/') < 0
                && type.indexOf('\\') < 0;
    }

    /** Checks a plugin or IPAM {@code type} value; returns it when usable. */
    static Optional<String> type(LintContext ctx, JsonNode owner, String ptr, String what) {
        Optional<JsonNode.Member> m = owner.member("type");
        if (m.isEmpty()) {
            ctx.report(DiagnosticCode.MISSING_TYPE, owner.start(), owner.start() + 1, ptr, what
                    + " has no \"type\"; expected the plugin binary name, e.g. \"bridge\"", null);
            return Optional.empty();
        }
        JsonNode v = m.get().value();
        String vptr = LintContext.child(ptr, "type");
        if (!expect(ctx, DiagnosticCode.WRONG_TYPE, v, vptr, "\"type\"", FieldType.STRING)) {
            return Optional.empty();
        }
        if (!isPlainFileName(v.text())) {
            String base = v.text().replaceAll(".*[/\\\\]", "");
            ctx.report(DiagnosticCode.INVALID_TYPE, v.start(), v.end(), vptr, "plugin type \"" + v.text()
                    + "\" is not a plain file name; libcni looks types up in the plugin directories and refuses "
                    + "paths", isPlainFileName(base) ? "use \"" + base + "\" and add its directory to the plugin "
                    + "path" : null);
            return Optional.empty();
        }
        return Optional.of(v.text());
    }

    /** {@code -?[0-9]+} without a regex: values are checked on every keystroke. */
    private static boolean isInteger(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        return io.github.cni4j.internal.config.Cidr.isDigits(s, from, Integer.MAX_VALUE);
    }
}
