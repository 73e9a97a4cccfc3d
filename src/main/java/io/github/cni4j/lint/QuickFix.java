package io.github.cni4j.lint;

import java.util.List;
import java.util.Objects;

/**
 * A change an editor can apply to repair a configuration, offered by {@link EditorServices#quickFixes}.
 *
 * <pre>{@code
 * for (QuickFix fix : services.quickFixes(text, "10-net.conflist", diagnostic.range())) {
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
     * Replaces one range of a document with new text; an empty range inserts. All edits of one {@link QuickFix} refer
     * to the document as it was before any of them, and never overlap, as in the Language Server Protocol.
     *
     * <pre>{@code
     * QuickFix.Edit e = new QuickFix.Edit(new Diagnostic.Range(3, 5, 3, 15), "\"isGateway\"");
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
