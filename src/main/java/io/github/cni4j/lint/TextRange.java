package io.github.cni4j.lint;

/**
 * A range of a document for {@link EditorServices}: 1-based lines and columns counted in code points, the end
 * exclusive, as in {@link Diagnostic}. An empty range ({@code start == end}) is a cursor position.
 *
 * <pre>{@code
 * TextRange r = TextRange.of(diagnostic);           // the text the diagnostic is about
 * TextRange cursor = TextRange.at(4, 7);           // line 4, column 7
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param startLine the 1-based first line
 * @param startColumn the 1-based first column
 * @param endLine the 1-based line of the end
 * @param endColumn the 1-based column just after the range
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {

    /**
     * Checks the range.
     *
     * @param startLine see the record description
     * @param startColumn see the record description
     * @param endLine see the record description
     * @param endColumn see the record description
     * @throws IllegalArgumentException if a position is not 1-based or the end is before the start
     */
    public TextRange {
        if (startLine < 1 || startColumn < 1 || endLine < startLine
                || endLine == startLine && endColumn < startColumn) {
            throw new IllegalArgumentException("invalid range " + startLine + ":" + startColumn + "-" + endLine
                    + ":" + endColumn);
        }
    }

    /**
     * @param line the 1-based line
     * @param column the 1-based column
     * @return the empty range at that position
     */
    public static TextRange at(int line, int column) {
        return new TextRange(line, column, line, column);
    }

    /**
     * @param d a diagnostic
     * @return the range it reports
     */
    public static TextRange of(Diagnostic d) {
        return new TextRange(d.line(), d.column(), d.endLine(), d.endColumn());
    }
}
