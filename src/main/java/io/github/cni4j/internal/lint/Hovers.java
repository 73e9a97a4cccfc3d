package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.EditorDocument.Cursor;
import io.github.cni4j.internal.lint.EditorDocument.Role;
import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.internal.lint.PluginKnowledge.Plugin;
import io.github.cni4j.lint.EditorServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EditorServices.Hover text for a key or a {@code type} value: documentation, type and default of the field. */
public final class Hovers {

    /** Documentation of the fields, read once from {@code field-docs.properties}; never changed afterwards. */
    private static final Map<String, String> DOCS = load();

    private static final Pattern DEFAULT = Pattern.compile("\\((?:plugin )?default:? ([^),]+)\\)");

    private Hovers() {
    }

    public static Optional<EditorServices.Hover> at(String text, int line, int column) {
        EditorDocument doc = new EditorDocument(text);
        return doc.cursor(doc.offset(line, column)).flatMap(c -> hover(doc, c));
    }

    private static Optional<EditorServices.Hover> hover(EditorDocument doc, Cursor c) {
        if (c.spot() == EditorDocument.Spot.NONE || c.key().isEmpty()) {
            return Optional.empty();
        }
        Optional<Plugin> plugin = c.object().string("type").flatMap(PluginKnowledge::plugin);
        if (c.spot() == EditorDocument.Spot.VALUE) {
            if (!c.key().equals("type") || plugin.isEmpty()) {
                return Optional.empty();
            }
            Plugin p = plugin.get();
            String md = "**" + p.type() + "**: " + Completions.role(p.role()) + "\n\nFields: "
                    + String.join(", ", new TreeSet<>(p.fields().keySet()))
                    + (p.capabilities().isEmpty() ? "" : "\n\nCapabilities: "
                    + String.join(", ", new TreeSet<>(p.capabilities())))
                    + "\n\nNeeds cniVersion " + p.minVersion() + " or later.";
            return Optional.of(new EditorServices.Hover(md, doc.range(c.tokenStart(), c.tokenEnd())));
        }
        String key = c.key();
        FieldType type;
        String doc1;
        String owner;
        if (c.role() == Role.LIST) {
            type = PluginKnowledge.LIST_KEYS.get(key);
            doc1 = DOCS.get("list." + key);
            owner = "plugin list";
        } else if (c.role() == Role.PLUGIN || c.role() == Role.IPAM) {
            type = plugin.map(PluginKnowledge::allFields).orElse(PluginKnowledge.COMMON).get(key);
            if (c.role() == Role.IPAM && plugin.isPresent() && !key.equals("type")) {
                type = plugin.get().fields().get(key);
            }
            doc1 = plugin.map(p -> DOCS.get(p.type() + "." + key)).orElse(DOCS.get("common." + key));
            if (doc1 == null) {
                doc1 = DOCS.get("common." + key);
            }
            owner = plugin.map(Plugin::type).orElse(c.role() == Role.IPAM ? "ipam" : "plugin");
        } else {
            return Optional.empty();
        }
        if (type == null && doc1 == null) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder("**").append(key).append("**");
        if (type != null) {
            md.append(" · ").append(Completions.typeName(type));
        }
        md.append(" · ").append(owner);
        if (doc1 != null) {
            md.append("\n\n").append(doc1);
            Matcher m = DEFAULT.matcher(doc1);
            if (m.find()) {
                md.append("\n\nDefault: ").append(m.group(1).trim());
            }
        }
        return Optional.of(new EditorServices.Hover(md.toString(), doc.range(c.tokenStart(), c.tokenEnd())));
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = Hovers.class.getResourceAsStream("field-docs.properties")) {
            if (in == null) {
                throw new IllegalStateException("field-docs.properties is missing");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new java.util.HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }
}
