package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.lint.DiagnosticCode;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks the document as a whole: its kind, the network name, the versions and the plugin list. */
final class DocumentRules {

    /** libcni's pattern for network names and container IDs. */
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final LintContext ctx;
    private final JsonNode root;
    private final String extension;
    private final LintEngine.Options options;

    DocumentRules(LintContext ctx, JsonNode root, String extension, LintEngine.Options options) {
        this.ctx = ctx;
        this.root = root;
        this.extension = extension;
        this.options = options;
    }

    void check() {
        if (!root.isObject()) {
            if (root.kind() != JsonNode.Kind.ERROR) {
                ctx.report(DiagnosticCode.NOT_AN_OBJECT, root, "", "a network configuration must be a JSON object, "
                        + "found " + root.typeName());
            }
            return;
        }
        boolean list = isList();
        name();
        Optional<CniVersion> version = new VersionRules(ctx, root).check();
        if (list) {
            listKeys();
            plugins(version);
        } else {
            String type = plugin(new PluginRules(ctx, options), root, "", version, true, "plugin");
            new ChainRules(ctx).check(List.of(new ChainRules.Entry(root, "", type)));
            if (version.isPresent() && version.get().isAtLeast(CniVersion.V1_0_0)) {
                ctx.report(DiagnosticCode.SINGLE_CONF_DEPRECATED, root.start(), root.start() + 1, "", "spec "
                        + version.get() + " dropped single-plugin config files; runtimes still load them, but a "
                        + ".conflist with one plugin is the portable form", null);
            }
        }
    }

    /** Checks one plugin; a bug in a rule is reported and leaves the other plugins checked. */
    private String plugin(PluginRules rules, JsonNode p, String ptr, Optional<CniVersion> version, boolean top,
            String rule) {
        try {
            return rules.check(p, ptr, version, top).orElse("");
        } catch (RuntimeException | StackOverflowError e) {
            ctx.failed(rule, e);
            return "";
        }
    }

    private boolean isList() {
        boolean hasPlugins = root.member("plugins").isPresent();
        boolean hasType = root.member("type").isPresent();
        if (extension.equals("conflist") && !hasPlugins) {
            ctx.report(DiagnosticCode.KIND_MISMATCH, root.start(), root.start() + 1, "", "a .conflist file needs a "
                    + "\"plugins\" array; without one libcni finds no plugins" + (hasType
                    ? ". This content is a single-plugin config" : ""), hasType ? "rename the file to .conf" : null);
            return !hasType;
        }
        if ((extension.equals("conf") || extension.equals("json")) && hasPlugins) {
            JsonNode.Member m = root.member("plugins").get();
            ctx.report(DiagnosticCode.KIND_MISMATCH, m.keyStart(), m.keyEnd(), "/plugins", "a ." + extension
                    + " file holds a single plugin, but this content is a plugin list; libcni fails with "
                    + "\"missing 'type'\"", "rename the file to .conflist");
        }
        return hasPlugins;
    }

    private void name() {
        Optional<JsonNode.Member> m = root.member("name");
        if (m.isEmpty()) {
            ctx.report(DiagnosticCode.MISSING_NAME, root.start(), root.start() + 1, "",
                    "the network has no \"name\"; libcni refuses it (no name)", "add \"name\": \"mynet\"");
            return;
        }
        JsonNode v = m.get().value();
        if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, v, "/name", "\"name\"", FieldType.STRING)) {
            return;
        }
        if (!Checks.isWord(v.text(), ALNUM, ALNUM + "_.-")) {
            String fixed = v.text().replaceAll("[^a-zA-Z0-9_.\\-]", "-").replaceFirst("^[_.\\-]+", "");
            ctx.report(DiagnosticCode.INVALID_NAME, v.start(), v.end(), "/name", v.text().isEmpty()
                    ? "the network name is empty; libcni refuses it (missing network name)"
                    : "invalid characters found in network name \"" + v.text() + "\"; expected a letter or digit, "
                    + "then letters, digits, '_', '.' or '-' (^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$)",
                    fixed.isEmpty() ? null : "did you mean \"" + fixed + "\"?");
        }
    }

    private void listKeys() {
        for (JsonNode.Member m : root.members()) {
            String ptr = LintContext.child("", m.key());
            FieldType t = PluginKnowledge.LIST_KEYS.get(m.key());
            if (t == null) {
                unknownListKey(m, ptr);
            } else if (m.key().startsWith("disable") || m.key().equals("loadOnlyInlinedPlugins")) {
                flag(m, ptr);
            }
        }
        boolean inlinedOnly = root.get("loadOnlyInlinedPlugins").orElse(root).text().equalsIgnoreCase("true");
        if (inlinedOnly && root.member("plugins").isEmpty()) {
            JsonNode.Member m = root.member("loadOnlyInlinedPlugins").get();
            ctx.report(DiagnosticCode.INLINED_WITHOUT_PLUGINS, m.keyStart(), m.value().end(),
                    "/loadOnlyInlinedPlugins", "`loadOnlyInlinedPlugins` is true, and no 'plugins' key", null);
        }
    }

    /**
     * Tools keep their own keys at the top of a list (nerdctl writes {@code nerdctlID}, Podman {@code args}), so only likely mistakes
     * are reported: typos of list keys, and plugin settings written outside {@code plugins}.
     */
    private void unknownListKey(JsonNode.Member m, String ptr) {
        if (m.key().equals("args")) {
            return;     // Podman keeps its labels and options there (podman_labels, podman_options), on purpose
        }
        Optional<String> near = Checks.nearest(m.key(), PluginKnowledge.LIST_KEYS.keySet());
        boolean pluginKey = PluginKnowledge.isPluginField(m.key());
        if (near.isEmpty() && !pluginKey) {
            return;
        }
        ctx.report(DiagnosticCode.UNKNOWN_FIELD, m.keyStart(), m.keyEnd(), ptr, "unknown field \"" + m.key()
                + "\" in a plugin list" + (pluginKey ? "; plugin settings belong inside \"plugins\"" : ""),
                Checks.didYouMean(m.key(), PluginKnowledge.LIST_KEYS.keySet()));
    }

    /** libcni takes a boolean, or a string that reads true or false in any case. */
    private void flag(JsonNode.Member m, String ptr) {
        JsonNode v = m.value();
        if (v.kind() == JsonNode.Kind.BOOLEAN || v.kind() == JsonNode.Kind.ERROR
                || v.isString() && (v.text().equalsIgnoreCase("true") || v.text().equalsIgnoreCase("false"))) {
            return;
        }
        ctx.report(DiagnosticCode.WRONG_TYPE, v.start(), v.end(), ptr, v.isString()
                ? "invalid value \"" + v.text().toLowerCase(Locale.ROOT) + "\" for " + m.key() + "; expected true or "
                + "false" : "\"" + m.key() + "\" must be a boolean, found " + v.typeName(), null);
    }

    private void plugins(Optional<CniVersion> version) {
        Optional<JsonNode.Member> m = root.member("plugins");
        if (m.isEmpty()) {
            return;
        }
        JsonNode arr = m.get().value();
        if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, arr, "/plugins", "\"plugins\"", FieldType.ARRAY)) {
            return;
        }
        if (arr.elements().isEmpty()) {
            ctx.report(DiagnosticCode.EMPTY_PLUGINS, arr, "/plugins", "no plugins in list; expected at least one "
                    + "plugin object");
            return;
        }
        List<ChainRules.Entry> entries = new ArrayList<>();
        PluginRules rules = new PluginRules(ctx, options);
        for (int i = 0; i < arr.elements().size(); i++) {
            JsonNode p = arr.elements().get(i);
            String ptr = "/plugins/" + i;
            if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, p, ptr, "plugin " + i, FieldType.OBJECT)) {
                continue;
            }
            entries.add(new ChainRules.Entry(p, ptr, plugin(rules, p, ptr, version, false, "plugin " + i)));
        }
        new ChainRules(ctx).check(entries);
    }
}
