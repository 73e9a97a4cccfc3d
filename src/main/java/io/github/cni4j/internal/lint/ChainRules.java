package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.PluginKnowledge.Role;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks the plugin list as a chain: order and plugins that do not belong together. */
final class ChainRules {

    /** One plugin of the list: its object, pointer and type ("" when it has no usable type). */
    record Entry(JsonNode node, String ptr, String type) {
        Optional<Role> role() {
            return PluginKnowledge.plugin(type).map(PluginKnowledge.Plugin::role);
        }

        JsonNode typeNode() {
            return node.get("type").orElse(node);
        }
    }

    private final LintContext ctx;

    ChainRules(LintContext ctx) {
        this.ctx = ctx;
    }

    void check(List<Entry> entries) {
        Entry firstMain = null;
        Map<String, Entry> seenChained = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Optional<Role> role = e.role();
            if (role.isEmpty()) {
                continue;
            }
            String tptr = LintContext.child(e.ptr, "type");
            if (role.get() == Role.MAIN) {
                if (firstMain != null) {
                    ctx.report(DiagnosticCode.CONFLICTING_PLUGINS, e.typeNode(), tptr, "both " + firstMain.type
                            + " (" + firstMain.ptr + ") and " + e.type + " set up the container interface; a list "
                            + "runs all its plugins on the same interface, so the second one fails or replaces it");
                } else {
                    firstMain = e;
                }
            } else if (role.get() == Role.CHAINED) {
                Entry before = seenChained.putIfAbsent(e.type, e);
                if (before != null) {
                    ctx.report(DiagnosticCode.CONFLICTING_PLUGINS, e.typeNode(), tptr, e.type + " appears twice "
                            + "(also at " + before.ptr + "); the second one redoes or undoes the first");
                }
                if (firstMain == null && (i == 0 || mainAfter(entries, i))) {
                    ctx.report(DiagnosticCode.CHAINED_BEFORE_MAIN, e.typeNode(), tptr, e.type + " works on the "
                            + "result of the plugin before it, but it runs before any plugin that creates the "
                            + "interface", "move it after the main plugin");
                }
            } else {
                ctx.report(DiagnosticCode.CONFLICTING_PLUGINS, e.typeNode(), tptr, e.type + " is an IPAM plugin; "
                        + "it runs as the \"ipam\" of a main plugin, not on its own",
                        "use \"ipam\": {\"type\": \"" + e.type + "\", ...} in the main plugin");
            }
        }
    }

    private static boolean mainAfter(List<Entry> entries, int index) {
        for (int j = index + 1; j < entries.size(); j++) {
            if (entries.get(j).role().filter(r -> r == Role.MAIN).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
