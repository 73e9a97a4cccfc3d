package io.github.cni4j.examples.lsp;

import io.github.cni4j.lint.Diagnostic;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between LSP positions (0-based lines, 0-based UTF-16 offsets in the line) and cni4j's (1-based lines,
 * 1-based columns in code points) for one document text. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as
 * in both LSP and the linter. Positions past the end of a line or of the text are clamped, as LSP asks.
 */
final class Positions {

    private final String text;
    private final int[] lineStarts;

    Positions(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c != '\n' && c != '\r') {
                continue;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** The offset just past the last character of a 0-based line, before its line break. */
    private int lineEnd(int line0) {
        int end = line0 + 1 < lineStarts.length ? lineStarts[line0 + 1] : text.length();
        while (end > lineStarts[line0] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** @return the 1-based line of an LSP position */
    int line(Position p) {
        return Math.min(Math.max(p.getLine(), 0), lineStarts.length - 1) + 1;
    }

    /** @return the 1-based code point column of an LSP position */
    int column(Position p) {
        int line0 = line(p) - 1;
        int start = lineStarts[line0];
        int end = Math.min(lineEnd(line0), start + Math.max(p.getCharacter(), 0));
        if (end > start && end < text.length() && Character.isLowSurrogate(text.charAt(end))
                && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;   // inside a surrogate pair: the position of the pair's character
        }
        return text.codePointCount(start, end) + 1;
    }

    /** @return the cni4j range of an LSP range */
    Diagnostic.Range range(Range r) {
        return new Diagnostic.Range(line(r.getStart()), column(r.getStart()), line(r.getEnd()), column(r.getEnd()));
    }

    /** @return the LSP range of a cni4j range */
    Range range(Diagnostic.Range r) {
        return new Range(position(r.startLine(), r.startColumn()), position(r.endLine(), r.endColumn()));
    }

    /** @return the LSP position of a 1-based line and code point column */
    Position position(int line, int column) {
        if (line > lineStarts.length) {
            int last = lineStarts.length - 1;
            return new Position(last, lineEnd(last) - lineStarts[last]);
        }
        int line0 = Math.max(line, 1) - 1;
        int start = lineStarts[line0];
        int end = lineEnd(line0);
        int off = start;
        for (int i = 1; i < column && off < end; i++) {
            off += Character.charCount(text.codePointAt(off));
        }
        return new Position(line0, Math.min(off, end) - start);
    }
}
