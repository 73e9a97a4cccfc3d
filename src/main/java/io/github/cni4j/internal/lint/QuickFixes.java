package io.github.cni4j.internal.lint;

import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.DiagnosticCode;
import io.github.cni4j.lint.EditorServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns diagnostics into edits: "did you mean" renames, values written without quotes, missing members added,
 * plugin settings moved from the list into a plugin; and wraps a single-plugin config into a list.
 */
public final class QuickFixes {

    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean \"([^\"]*)\"\\?");
    private static final Pattern UNQUOTE = Pattern.compile("write (\\S+) without quotes");
    private static final Pattern ADD = Pattern.compile("add (\"[^\"]+\"): (.+)");

    private final EditorDocument doc;
    private final List<EditorServices.QuickFix> out = new ArrayList<>();

    private QuickFixes(EditorDocument doc) {
        this.doc = doc;
    }

    public static List<EditorServices.QuickFix> of(String text, List<Diagnostic> diagnostics, Diagnostic.Range range) {
        QuickFixes q = new QuickFixes(new EditorDocument(text));
        int from = q.doc.offset(range.startLine(), range.startColumn());
        int to = q.doc.offset(range.endLine(), range.endColumn());
        for (Diagnostic d : diagnostics) {
            int start = q.doc.offset(d.line(), d.column());
            int end = q.doc.offset(d.endLine(), d.endColumn());
            if (start <= to && from <= end) {
                q.fix(d, start, end);
            }
        }
        q.wrap();
        return List.copyOf(q.out);
    }

    private void fix(Diagnostic d, int start, int end) {
        String hint = d.fix().orElse("");
        Diagnostic.Range r = doc.range(start, end);
        Matcher m = DID_YOU_MEAN.matcher(hint);
        if (d.kind() == DiagnosticCode.UNKNOWN_FIELD && d.message().contains("belong inside \"plugins\"")) {
            move(d, start);
        }
        if (m.matches()) {
            add(d, "Change to \"" + m.group(1) + "\"", new EditorServices.QuickFix.Edit(r, quote(m.group(1))));
            return;
        }
        m = UNQUOTE.matcher(hint);
        if (m.matches()) {
            add(d, "Write " + m.group(1) + " without quotes", new EditorServices.QuickFix.Edit(r, m.group(1)));
            return;
        }
        Matcher a = ADD.matcher(hint);
        if (a.matches()) {
            String ptr = d.jsonPointer();
            String parent = ptr.contains("/") ? ptr.substring(0, ptr.lastIndexOf('/')) : "";
            String key = a.group(1).substring(1, a.group(1).length() - 1);
            Optional<JsonNode> obj = doc.objectAt(ptr).filter(o -> !ptr.endsWith("/" + key))
                    .or(() -> doc.objectAt(parent));
            obj.ifPresent(o -> add(d, "Add " + a.group(1) + ": " + a.group(2), set(o, key, a.group(2))));
        }
    }

    /** Sets a member: replaces the value when the key exists, else inserts the member first. */
    private EditorServices.QuickFix.Edit set(JsonNode obj, String key, String valueJson) {
        Optional<JsonNode.Member> existing = obj.member(key);
        if (existing.isPresent()) {
            JsonNode v = existing.get().value();
            return new EditorServices.QuickFix.Edit(doc.range(v.start(), v.end()), valueJson);
        }
        return insertFirst(obj, quote(key) + ": " + valueJson);
    }

    private EditorServices.QuickFix.Edit insertFirst(JsonNode obj, String member) {
        if (obj.members().isEmpty()) {
            return new EditorServices.QuickFix.Edit(doc.range(obj.start() + 1, obj.start() + 1), member);
        }
        int first = obj.members().get(0).keyStart();
        return new EditorServices.QuickFix.Edit(doc.range(first, first), member + ",\n" + indent(first));
    }

    /** Moves a plugin setting written at list level into the first plugin that reads it (or the first plugin). */
    private void move(Diagnostic d, int keyStart) {
        JsonNode root = doc.root().orElse(null);
        if (root == null) {
            return;
        }
        List<JsonNode.Member> members = root.members();
        int i = 0;
        while (i < members.size() && members.get(i).keyStart() != keyStart) {
            i++;
        }
        List<JsonNode> plugins = root.get("plugins").map(JsonNode::elements).orElse(List.of()).stream()
                .filter(JsonNode::isObject).toList();
        if (i == members.size() || plugins.isEmpty()) {
            return;
        }
        JsonNode.Member m = members.get(i);
        JsonNode target = plugins.stream().filter(p -> p.string("type").flatMap(PluginKnowledge::plugin)
                .map(k -> PluginKnowledge.allFields(k).containsKey(m.key())).orElse(false))
                .findFirst().orElse(plugins.get(0));
        int delStart;
        int delEnd;
        if (i + 1 < members.size()) {
            delStart = m.keyStart();
            delEnd = members.get(i + 1).keyStart();
        } else if (i > 0) {
            delStart = members.get(i - 1).value().end();
            delEnd = m.value().end();
        } else {
            delStart = m.keyStart();
            delEnd = m.value().end();
        }
        String memberText = doc.text().substring(m.keyStart(), m.value().end());
        String type = target.string("type").orElse("the first plugin");
        add(d, "Move \"" + m.key() + "\" into plugin \"" + type + "\"", insertFirst(target, memberText),
                new EditorServices.QuickFix.Edit(doc.range(delStart, delEnd), ""));
    }

    /** A single-plugin config becomes a list holding it; name and cniVersion move up to the list. */
    private void wrap() {
        JsonNode root = doc.root().orElse(null);
        if (root == null || root.member("plugins").isPresent() || root.member("type").isEmpty()) {
            return;
        }
        String text = doc.text();
        String unit = root.members().isEmpty() ? "  " : indent(root.members().get(0).keyStart());
        if (unit.isEmpty()) {
            unit = "  ";
        }
        StringBuilder b = new StringBuilder("{\n");
        b.append(unit).append("\"cniVersion\": ").append(root.get("cniVersion")
                .map(v -> text.substring(v.start(), v.end())).orElse("\"1.0.0\"")).append(",\n");
        b.append(unit).append("\"name\": ").append(root.get("name")
                .map(v -> text.substring(v.start(), v.end())).orElse("\"mynet\"")).append(",\n");
        b.append(unit).append("\"plugins\": [\n").append(unit).append(unit).append("{");
        String sep = "\n";
        for (JsonNode.Member m : root.members()) {
            if (m.key().equals("cniVersion") || m.key().equals("name")) {
                continue;
            }
            String member = text.substring(m.keyStart(), m.value().end()).replace("\n", "\n" + unit + unit);
            b.append(sep).append(unit.repeat(3)).append(member);
            sep = ",\n";
        }
        b.append("\n").append(unit).append(unit).append("}\n").append(unit).append("]\n}\n");
        out.add(new EditorServices.QuickFix("Convert to a plugin list (.conflist)", "",
                List.of(new EditorServices.QuickFix.Edit(doc.range(0, text.length()), b.toString()))));
    }

    private String indent(int offset) {
        String text = doc.text();
        int p = offset;
        while (p > 0 && (text.charAt(p - 1) == ' ' || text.charAt(p - 1) == '\t')) {
            p--;
        }
        return p == 0 || text.charAt(p - 1) == '\n' || text.charAt(p - 1) == '\r' ? text.substring(p, offset) : " ";
    }

    private void add(Diagnostic d, String title, EditorServices.QuickFix.Edit... edits) {
        out.add(new EditorServices.QuickFix(title, d.code(), List.of(edits)));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
