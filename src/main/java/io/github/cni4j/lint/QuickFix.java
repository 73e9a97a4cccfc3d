package io.github.cni4j.lint;

import java.util.List;
import java.util.Objects;

/**
 * A change an editor can apply to repair a configuration, offered by {@link EditorServices#quickFixes}.
 *
 * <pre>{@code
 * for (QuickFix fix : services.quickFixes(text, "10-net.conflist", TextRange.of(diagnostic))) {
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
public record QuickFix(String title, String code, List<TextEdit> edits) {

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
}
