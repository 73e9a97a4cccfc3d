package io.github.cni4j.internal.lint;

import java.util.Arrays;

/**
 * The text being linted, with a line index so that character offsets turn into editor positions.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as editors count them. Lines and columns are
 * 1-based; columns count Unicode code points, so a character outside the BMP is one column and a tab is one column.
 * Immutable and thread-safe.
 */
public final class SourceText {

    private final String text;
    private final int[] lineStarts;

    /** Indexes the whole document. */
    public SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c != '\n' && c != '\r') {
                continue;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** @return the document */
    public String text() {
        return text;
    }

    /** @return the number of lines, at least 1 */
    public int lineCount() {
        return lineStarts.length;
    }

    /** {@return the 1-based line of a char offset (clamped to {@code [0, length]})} */
    public int line(int offset) {
        int off = clamp(offset);
        int idx = Arrays.binarySearch(lineStarts, off);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** {@return the 1-based column in code points of a char offset (clamped to {@code [0, length]})} */
    public int column(int offset) {
        int off = clamp(offset);
        int start = lineStarts[line(off) - 1];
        // An offset inside a surrogate pair counts as the pair's own column.
        if (off > start && off < text.length() && Character.isLowSurrogate(text.charAt(off))
                && Character.isHighSurrogate(text.charAt(off - 1))) {
            off--;
        }
        return text.codePointCount(start, Math.min(off, lineEnd(line(off) - 1))) + 1;
    }

    /** {@return the char offset of a 1-based line and column (code points), each clamped; inverse of line/column} */
    public int offset(int line, int column) {
        int idx = Math.max(0, Math.min(line, lineStarts.length) - 1);
        int start = lineStarts[idx];
        int end = lineEnd(idx);
        int off = start;
        for (int i = 1; i < column && off < end; i++) {
            off += Character.charCount(text.codePointAt(off));
        }
        return off;
    }

    private int lineEnd(int lineIndex) {
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] : text.length();
        while (end > lineStarts[lineIndex] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
