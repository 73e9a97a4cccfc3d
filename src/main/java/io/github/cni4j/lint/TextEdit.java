package io.github.cni4j.lint;

import java.util.Objects;

/**
 * Replaces one range of a document with new text; an empty range inserts. All edits of one {@link QuickFix} refer
 * to the document as it was before any of them, and never overlap, as in the Language Server Protocol.
 *
 * <pre>{@code
 * TextEdit e = new TextEdit(new TextRange(3, 5, 3, 15), "\"isGateway\"");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param range the text to replace
 * @param newText the replacement
 */
public record TextEdit(TextRange range, String newText) {

    /**
     * Checks for nulls.
     *
     * @param range see the record description
     * @param newText see the record description
     */
    public TextEdit {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(newText, "newText");
    }
}
