package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.EditorDocument.Cursor;
import io.github.cni4j.internal.lint.EditorDocument.Role;
import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.internal.lint.PluginKnowledge.Plugin;
import io.github.cni4j.lint.EditorServices;
import io.github.cni4j.lint.EditorServices.Completion.Kind;
import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Completion at a cursor: keys of the object under it, plugin types, versions, capabilities, allowed values. */
public final class Completions {

    private final EditorDocument doc;
    private final LintEngine.Options options;
    private final List<EditorServices.Completion> out = new ArrayList<>();

    private Completions(EditorDocument doc, LintEngine.Options options) {
        this.doc = doc;
        this.options = options;
    }

    public static List<EditorServices.Completion> at(String text, int line, int column, LintEngine.Options options) {
        EditorDocument doc = new EditorDocument(text);
        Completions c = new Completions(doc, options);
        doc.cursor(doc.offset(line, column)).ifPresent(c::complete);
        return List.copyOf(c.out);
    }

    private void complete(Cursor c) {
        Diagnostic.Range replace = doc.range(c.tokenStart(), c.tokenEnd());
        switch (c.spot()) {
            case KEY -> keys(c, replace);
            case VALUE -> values(c, replace);
            default -> { }
        }
    }

    private void keys(Cursor c, Diagnostic.Range replace) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        String owner;
        switch (c.role()) {
            case LIST -> {
                fields.putAll(PluginKnowledge.LIST_KEYS);
                owner = "plugin list";
            }
            case PLUGIN -> {
                Optional<Plugin> p = c.object().string("type").flatMap(PluginKnowledge::plugin);
                fields.putAll(p.map(PluginKnowledge::allFields).orElse(PluginKnowledge.COMMON));
                PluginKnowledge.RESERVED.forEach(fields::remove);
                owner = p.map(Plugin::type).orElse("any plugin");
            }
            case IPAM -> {
                fields.put("type", FieldType.STRING);
                Optional<Plugin> p = c.object().string("type").flatMap(PluginKnowledge::plugin);
                p.ifPresent(x -> fields.putAll(x.fields()));
                owner = p.map(Plugin::type).orElse("ipam");
            }
            case CAPABILITIES -> {
                capabilities(c, replace);
                return;
            }
            default -> {
                return;
            }
        }
        Set<String> present = new TreeSet<>();
        c.object().members().forEach(m -> present.add(m.key()));
        present.remove(c.key());
        for (Map.Entry<String, FieldType> e : new TreeSet<>(fields.keySet()).stream()
                .map(k -> Map.entry(k, fields.get(k))).toList()) {
            if (!present.contains(e.getKey())) {
                out.add(new EditorServices.Completion(e.getKey(), Kind.FIELD, typeName(e.getValue()) + ", " + owner,
                        "\"" + e.getKey() + "\": ", replace));
            }
        }
    }

    private void capabilities(Cursor c, Diagnostic.Range replace) {
        Set<String> caps = new TreeSet<>();
        Optional<Plugin> p = c.plugin().flatMap(x -> x.string("type")).flatMap(PluginKnowledge::plugin);
        if (p.isPresent()) {
            caps.addAll(p.get().capabilities());
        } else {
            for (String type : PluginKnowledge.types()) {
                PluginKnowledge.plugin(type).ifPresent(x -> caps.addAll(x.capabilities()));
            }
        }
        String owner = p.map(Plugin::type).orElse("a reference plugin");
        for (String cap : caps) {
            if (c.object().member(cap).isEmpty() || cap.equals(c.key())) {
                out.add(new EditorServices.Completion(cap, Kind.CAPABILITY, "capability consumed by " + owner,
                        "\"" + cap + "\": true", replace));
            }
        }
    }

    private void values(Cursor c, Diagnostic.Range replace) {
        String key = c.key();
        if (key.equals("type") && (c.role() == Role.PLUGIN || c.role() == Role.IPAM)) {
            types(c.role() == Role.IPAM, replace);
        } else if (key.equals("cniVersion") && (c.role() == Role.PLUGIN || c.role() == Role.LIST)) {
            List<CniVersion> versions = new ArrayList<>(CniVersion.supported());
            for (int i = versions.size() - 1; i >= 0; i--) {
                String v = versions.get(i).toString();
                out.add(new EditorServices.Completion(v, Kind.VERSION, "CNI specification " + v, "\"" + v + "\"",
                        replace));
            }
        } else {
            Optional<Plugin> p = (c.role() == Role.IPAM ? Optional.of(c.object()) : c.plugin())
                    .flatMap(x -> x.string("type")).flatMap(PluginKnowledge::plugin);
            Set<String> allowed = p.map(x -> x.allowed().get(key)).orElse(null);
            if (allowed != null) {
                for (String v : new TreeSet<>(allowed)) {
                    out.add(new EditorServices.Completion(v, Kind.VALUE, "allowed by " + p.get().type(),
                            "\"" + v + "\"", replace));
                }
            } else if (p.map(PluginKnowledge::allFields).map(f -> f.get(key)).orElse(null) == FieldType.BOOLEAN
                    || c.role() == Role.CAPABILITIES) {
                out.add(new EditorServices.Completion("true", Kind.VALUE, "boolean", "true", replace));
                out.add(new EditorServices.Completion("false", Kind.VALUE, "boolean", "false", replace));
            }
        }
    }

    private void types(boolean ipam, Diagnostic.Range replace) {
        Set<String> done = new TreeSet<>();
        for (String type : PluginKnowledge.types()) {
            Plugin p = PluginKnowledge.plugin(type).orElseThrow();
            if ((p.role() == PluginKnowledge.Role.IPAM) == ipam) {
                done.add(type);
                out.add(new EditorServices.Completion(type, Kind.PLUGIN_TYPE, role(p.role()) + " (reference plugin)",
                        "\"" + type + "\"", replace));
            }
        }
        for (String name : options.installed()) {
            Optional<Plugin> known = PluginKnowledge.plugin(name);
            if (!done.contains(name) && known.map(k -> (k.role() == PluginKnowledge.Role.IPAM) == ipam).orElse(true)
                    && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                out.add(new EditorServices.Completion(name, Kind.PLUGIN_TYPE, "installed plugin", "\"" + name + "\"",
                        replace));
            }
        }
    }

    static String role(PluginKnowledge.Role r) {
        return switch (r) {
            case MAIN -> "main plugin, creates the interface";
            case IPAM -> "IPAM plugin";
            case CHAINED -> "chained plugin";
        };
    }

    static String typeName(FieldType t) {
        return t == FieldType.ANY ? "any" : t.name().toLowerCase(Locale.ROOT);
    }
}
