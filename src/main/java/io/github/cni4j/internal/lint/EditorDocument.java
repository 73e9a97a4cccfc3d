package io.github.cni4j.internal.lint;

import io.github.cni4j.lint.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document parsed for editor services, and what lies under a cursor: the chain of objects down to it and whether
 * the cursor is on a key or a value. Built per call, then only read.
 */
final class EditorDocument {

    /** What an object in a configuration is. */
    enum Role { LIST, PLUGIN, IPAM, CAPABILITIES, OTHER }

    /** Where the cursor is in its object. */
    enum Spot { KEY, VALUE, NONE }

    /**
     * The cursor's surroundings.
     *
     * @param object the innermost object around the cursor
     * @param role what that object is
     * @param plugin the plugin object the cursor is in (or the object itself for a single-plugin config), if any
     * @param spot key, value or neither
     * @param key for a value, its key; for a key, the key written so far
     * @param tokenStart offset of the word or string under the cursor
     * @param tokenEnd offset after it
     */
    record Cursor(JsonNode object, Role role, Optional<JsonNode> plugin, Spot spot, String key, int tokenStart,
                  int tokenEnd) {
    }

    private final SourceText source;
    private final Optional<JsonNode> root;

    EditorDocument(String text) {
        this.source = new SourceText(text);
        LintContext ctx = new LintContext(source, "<editor>");
        Optional<JsonNode> parsed;
        try {
            parsed = new TolerantJsonParser(ctx).parse();
        } catch (RuntimeException e) {
            parsed = Optional.empty();
        }
        this.root = parsed.filter(JsonNode::isObject);
    }

    SourceText source() {
        return source;
    }

    String text() {
        return source.text();
    }

    Optional<JsonNode> root() {
        return root;
    }

    boolean isList() {
        return root.map(r -> r.member("plugins").isPresent()).orElse(false);
    }

    int offset(int line, int column) {
        return source.offset(line, column);
    }

    Diagnostic.Range range(int start, int end) {
        return new Diagnostic.Range(source.line(start), source.column(start), source.line(end), source.column(end));
    }

    /** The object at a JSON pointer, if the pointer names one ({@code ""} is the root). */
    Optional<JsonNode> objectAt(String pointer) {
        Optional<JsonNode> n = root;
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                String t = token.replace("~1", "/").replace("~0", "~");
                n = n.flatMap(x -> x.isArray() && t.matches("[0-9]{1,6}") && Integer.parseInt(t) < x.elements().size()
                        ? Optional.of(x.elements().get(Integer.parseInt(t))) : x.get(t));
            }
        }
        return n.filter(JsonNode::isObject);
    }

    /** What is under the cursor at a char offset, if it is inside the root object. */
    Optional<Cursor> cursor(int offset) {
        if (root.isEmpty() || offset <= root.get().start() || offset > root.get().end()) {
            return Optional.empty();
        }
        List<JsonNode> chain = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        JsonNode node = root.get();
        while (true) {
            chain.add(node);
            JsonNode next = null;
            String nextKey = null;
            if (node.isArray()) {
                for (JsonNode e : node.elements()) {
                    if (inside(e, offset)) {
                        next = e;
                        nextKey = "[]";
                    }
                }
                if (next == null) {
                    return Optional.empty();
                }
            } else {
                for (JsonNode.Member m : node.members()) {
                    if (offset >= m.keyStart() && offset <= m.keyEnd()) {
                        return Optional.of(cursor(chain, keys, Spot.KEY, m.key(), m.keyStart(), m.keyEnd()));
                    }
                    JsonNode v = m.value();
                    if (inside(v, offset)) {
                        next = v;
                        nextKey = m.key();
                    } else if (!v.isObject() && !v.isArray() && offset >= v.start() && offset <= v.end()
                            && v.end() > v.start()) {
                        return Optional.of(cursor(chain, keys, Spot.VALUE, m.key(), v.start(), v.end()));
                    }
                }
                if (next == null) {
                    return Optional.of(gap(chain, keys, node, offset));
                }
            }
            keys.add(nextKey);
            node = next;
        }
    }

    private boolean inside(JsonNode n, int offset) {
        return (n.isObject() || n.isArray()) && offset > n.start()
                && (offset < n.end() || offset == n.end() && n.end() == text().length());
    }

    /** The cursor between members: after a colon it completes a value, elsewhere a key. */
    private Cursor gap(List<JsonNode> chain, List<String> keys, JsonNode obj, int offset) {
        String text = text();
        int wordStart = offset;
        while (wordStart > obj.start() + 1 && isWordChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        int p = wordStart - 1;
        while (p > obj.start() && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        if (text.charAt(p) == ':') {
            String key = "";
            int best = -1;
            for (JsonNode.Member m : obj.members()) {
                if (m.keyEnd() <= p && m.keyEnd() > best) {
                    best = m.keyEnd();
                    key = m.key();
                }
            }
            return cursor(chain, keys, Spot.VALUE, key, wordStart, offset);
        }
        if (text.charAt(p) == '{' || text.charAt(p) == ',') {
            return cursor(chain, keys, Spot.KEY, text.substring(wordStart, offset).replace("\"", ""), wordStart,
                    offset);
        }
        return cursor(chain, keys, Spot.NONE, "", offset, offset);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '"' || c == '-' || c == '_' || c == '.';
    }

    private Cursor cursor(List<JsonNode> chain, List<String> keys, Spot spot, String key, int start, int end) {
        JsonNode obj = chain.get(chain.size() - 1);
        boolean list = isList();
        int depth = keys.size();
        Role role = Role.OTHER;
        Optional<JsonNode> plugin = Optional.empty();
        if (depth == 0) {
            role = list ? Role.LIST : Role.PLUGIN;
            plugin = list ? Optional.empty() : Optional.of(obj);
        } else if (list && depth == 2 && keys.get(0).equals("plugins")) {
            role = Role.PLUGIN;
            plugin = Optional.of(obj);
        } else {
            int pluginDepth = list ? 2 : 0;
            if (depth == pluginDepth + 1 && (!list || keys.get(0).equals("plugins"))) {
                plugin = Optional.of(chain.get(pluginDepth));
                String last = keys.get(depth - 1);
                role = last.equals("ipam") ? Role.IPAM : last.equals("capabilities") ? Role.CAPABILITIES
                        : Role.OTHER;
            }
        }
        return new Cursor(obj, role, plugin, spot, key, start, end);
    }
}
