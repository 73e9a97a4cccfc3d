package io.github.cni4j.internal.lint;

import io.github.cni4j.lint.CompletionItem;
import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.Hover;
import io.github.cni4j.lint.QuickFix;
import io.github.cni4j.lint.TextRange;
import java.util.List;
import java.util.Optional;

/** The entry points of the editor services, for {@code io.github.cni4j.lint.EditorServices}. Stateless. */
public final class EditorSupport {

    private EditorSupport() {
    }

    /**
     * @param text the document
     * @param diagnostics its diagnostics
     * @param range the range the editor asks about
     * @return the fixes for the diagnostics touching the range, and the refactorings that apply
     */
    public static List<QuickFix> quickFixes(String text, List<Diagnostic> diagnostics, TextRange range) {
        return QuickFixes.of(text, diagnostics, range);
    }

    /**
     * @param text the document
     * @param line 1-based line
     * @param column 1-based column in code points
     * @param options the plugin directories whose binaries are offered as types
     * @return the suggestions
     */
    public static List<CompletionItem> completion(String text, int line, int column, LintEngine.Options options) {
        return Completions.at(text, line, column, options);
    }

    /**
     * @param text the document
     * @param line 1-based line
     * @param column 1-based column in code points
     * @return the documentation of the key or type under the cursor
     */
    public static Optional<Hover> hover(String text, int line, int column) {
        return Hovers.at(text, line, column);
    }
}
