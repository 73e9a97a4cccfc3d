package io.github.cni4j.lint;

import io.github.cni4j.internal.lint.Completions;
import io.github.cni4j.internal.lint.Hovers;
import io.github.cni4j.internal.lint.QuickFixes;
import io.github.cni4j.internal.lint.LintEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an editor needs for CNI configurations, as pure functions of the document text and a position:
 * diagnostics, quick fixes, completion and hover. The language server in {@code examples/lsp} is a thin layer over
 * this class; IDE plugins can embed it directly.
 *
 * <p>Positions are 1-based lines and columns counted in code points, as in {@link Diagnostic}; the Language Server
 * Protocol's 0-based UTF-16 positions must be converted by the caller.
 *
 * <pre>{@code
 * EditorServices services = EditorServices.of(Linter.builder().addPluginDir(Path.of("/opt/cni/bin")).build());
 * for (Diagnostic d : services.diagnostics(text, "10-net.conflist")) {
 *     for (EditorServices.QuickFix fix : services.quickFixes(text, "10-net.conflist", d.range())) {
 *         System.out.println(d.code() + ": " + fix.title());
 *     }
 * }
 * services.completion(text, 6, 9).forEach(c -> System.out.println(c.label()));
 * services.hover(text, 7, 10).ifPresent(h -> System.out.println(h.markdown()));
 * }</pre>
 *
 * <p>Immutable and thread-safe; every call works on its own copy of the parsed text.
 */
public final class EditorServices {

    private final Linter linter;
    private final LintEngine.Options options;

    private EditorServices(Linter linter) {
        this.linter = linter;
        this.options = new LintEngine.Options(linter.pluginDirs());
    }

    /**
     * @param linter the linter whose checks and plugin directories are used; its plugin directories' binaries are
     *        also offered as plugin types
     * @return the services
     */
    public static EditorServices of(Linter linter) {
        return new EditorServices(Objects.requireNonNull(linter, "linter"));
    }

    /** @return services with {@link Linter#standard()}: no plugin directories */
    public static EditorServices standard() {
        return of(Linter.standard());
    }

    /**
     * Lints a document, as {@link Linter#lint(String, String)}.
     *
     * @param text the document
     * @param sourceName its file name; the extension is compared with the content
     * @return the diagnostics, sorted by position
     */
    public List<Diagnostic> diagnostics(String text, String sourceName) {
        return linter.lint(text, sourceName);
    }

    /**
     * The fixes for the diagnostics that touch a range (a cursor is an empty range): a "did you mean" hint becomes
     * a rename of the key or a replacement of the value, a missing {@code cniVersion} or {@code name} is added, a
     * plugin setting written at list level moves into the plugin; and a single-plugin config can be wrapped into a
     * plugin list wherever the cursor is.
     *
     * @param text the document
     * @param sourceName its file name
     * @param range the range the editor asks about
     * @return the fixes, those for diagnostics first
     */
    public List<QuickFix> quickFixes(String text, String sourceName, Diagnostic.Range range) {
        Objects.requireNonNull(range, "range");
        return QuickFixes.of(text, diagnostics(text, sourceName), range);
    }

    /**
     * Suggestions at a cursor: the missing keys of the plugin, IPAM or list object under it, plugin types (the
     * reference plugins and the binaries of the plugin directories), {@code cniVersion} values, capability names
     * and the allowed values of enumerated and boolean fields.
     *
     * @param text the document
     * @param line the 1-based line of the cursor
     * @param column the 1-based column of the cursor, in code points
     * @return the suggestions; empty where nothing is known
     */
    public List<Completion> completion(String text, int line, int column) {
        return Completions.at(Objects.requireNonNull(text, "text"), line, column, options);
    }

    /**
     * The documentation of the key under the cursor (its type, the plugin that reads it, what it does and its
     * default), or of the plugin named by the {@code type} value under it.
     *
     * @param text the document
     * @param line the 1-based line of the cursor
     * @param column the 1-based column of the cursor, in code points
     * @return the hover text, or empty when nothing is known there
     */
    public Optional<Hover> hover(String text, int line, int column) {
        return Hovers.at(Objects.requireNonNull(text, "text"), line, column);
    }

    /**
     * One suggestion of {@link EditorServices#completion}: a field name, a plugin type or a value.
     *
     * <pre>{@code
     * for (EditorServices.Completion c : services.completion(text, 6, 8)) {
     *     System.out.println(c.label() + " (" + c.kind() + "): " + c.detail());
     * }
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     *
     * @param label what the user picks, e.g. {@code isGateway}
     * @param kind what sort of suggestion it is
     * @param detail a short description, e.g. {@code boolean, bridge}
     * @param insertText the text that replaces {@code replace}, e.g. {@code "isGateway": }
     * @param replace the text the suggestion replaces: the word or string under the cursor (empty at the cursor)
     */
    public record Completion(String label, Kind kind, String detail, String insertText, Diagnostic.Range replace) {

        /** What a suggestion completes. */
        public enum Kind {
            /** A key of the object under the cursor. */
            FIELD,
            /** A plugin {@code type}: a reference plugin or a binary in a plugin directory. */
            PLUGIN_TYPE,
            /** A capability name inside {@code capabilities}. */
            CAPABILITY,
            /** A {@code cniVersion}. */
            VERSION,
            /** An allowed value of an enumerated or boolean field. */
            VALUE
        }

        /**
         * Checks for nulls.
         *
         * @param label see the record description
         * @param kind see the record description
         * @param detail see the record description
         * @param insertText see the record description
         * @param replace see the record description
         */
        public Completion {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(insertText, "insertText");
            Objects.requireNonNull(replace, "replace");
        }
    }

    /**
     * What {@link EditorServices#hover} shows for the key or value under the cursor: its documentation, type and
     * default, as Markdown.
     *
     * <pre>{@code
     * services.hover(text, 7, 10).ifPresent(h -> System.out.println(h.markdown()));
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     *
     * @param markdown the text to show
     * @param range the key or value it is about
     */
    public record Hover(String markdown, Diagnostic.Range range) {

        /**
         * Checks for nulls.
         *
         * @param markdown see the record description
         * @param range see the record description
         */
        public Hover {
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A change an editor can apply to repair a configuration, offered by {@link EditorServices#quickFixes}.
     *
     * <pre>{@code
     * for (EditorServices.QuickFix fix : services.quickFixes(text, "10-net.conflist", diagnostic.range())) {
     *     System.out.println(fix.title() + ": " + fix.edits());
     * }
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     *
     * @param title what the fix does, e.g. {@code Change to "isGateway"}
     * @param code the code of the diagnostic it repairs, e.g. {@code CNI0100}; {@code ""} for a refactoring
     * @param edits the edits, all relative to the unchanged document, not overlapping
     */
    public record QuickFix(String title, String code, List<Edit> edits) {

        /**
         * Copies the edits.
         *
         * @param title see the record description
         * @param code see the record description
         * @param edits see the record description
         */
        public QuickFix {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(code, "code");
            edits = List.copyOf(edits);
        }

        /**
         * Replaces one range of a document with new text; an empty range inserts. All edits of one {@link QuickFix}
         * refer to the document as it was before any of them, and never overlap, as in the Language Server Protocol.
         *
         * <pre>{@code
         * EditorServices.QuickFix.Edit e =
         *         new EditorServices.QuickFix.Edit(new Diagnostic.Range(3, 5, 3, 15), "\"isGateway\"");
         * }</pre>
         *
         * <p>Immutable and thread-safe.
         *
         * @param range the text to replace
         * @param newText the replacement
         */
        public record Edit(Diagnostic.Range range, String newText) {

            /**
             * Checks for nulls.
             *
             * @param range see the record description
             * @param newText see the record description
             */
            public Edit {
                Objects.requireNonNull(range, "range");
                Objects.requireNonNull(newText, "newText");
            }
        }
    }
}
