package io.github.cni4j.lint;

import io.github.cni4j.internal.value.CniStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem the {@link Linter} found, with the range of text it concerns.
 *
 * <p>Positions are 1-based as editors show them. Columns count Unicode code points (a tab is one column, so is an
 * emoji). The range is half-open: {@link #endLine()}/{@link #endColumn()} point just after the last character, as
 * in SARIF and the Language Server Protocol. {@link #jsonPointer()} (RFC 6901) names the value concerned, {@code ""}
 * being the whole document.
 *
 * <pre>{@code
 * for (Diagnostic d : Linter.standard().lint(Path.of("/etc/cni/net.d/10-bridge.conflist"))) {
 *     System.out.println(d);   // 10-bridge.conflist:4:7: warning CNI0100: unknown field "isGatway" ...
 *     d.fix().ifPresent(f -> System.out.println("  hint: " + f));
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class Diagnostic {

    Diagnostic() {
    }

    /**
     * Starts a diagnostic; mainly for tests and tools that merge diagnostics from elsewhere.
     *
     * @param kind the catalogue entry
     * @return a builder with the position 1:1-1:1, pointer {@code ""}, source {@code "<input>"} and no fix
     */
    public static Builder builder(DiagnosticCode kind) {
        return new Builder().kind(kind);
    }

    /** @return the stable code, e.g. {@code CNI0100} */
    public String code() {
        return kind().id();
    }

    /** @return the catalogue entry of {@link #code()} */
    public abstract DiagnosticCode kind();

    /** @return the severity */
    public Severity severity() {
        return kind().severity();
    }

    /** @return what is wrong and what was expected */
    @Value.Default
    public String message() {
        return "";
    }

    /** @return the 1-based first line */
    @Value.Default
    public int line() {
        return 1;
    }

    /** @return the 1-based first column, in code points */
    @Value.Default
    public int column() {
        return 1;
    }

    /** @return the 1-based line of the end of the range */
    @Value.Default
    public int endLine() {
        return 1;
    }

    /** @return the 1-based column just after the range, in code points */
    @Value.Default
    public int endColumn() {
        return 1;
    }

    /** @return the range of text this diagnostic is about: {@link #line()}:{@link #column()} to
     *          {@link #endLine()}:{@link #endColumn()} */
    public Range range() {
        return new Range(line(), column(), endLine(), endColumn());
    }

    /** @return the RFC 6901 pointer of the value concerned; {@code ""} is the whole document */
    @Value.Default
    public String jsonPointer() {
        return "";
    }

    /** @return the file name or source name given to the linter */
    @Value.Default
    public String source() {
        return "<input>";
    }

    /** @return a suggested fix, e.g. {@code did you mean "isGateway"?} */
    public abstract Optional<String> fix();

    @Value.Check
    void checkRange() {
        range(); // the Range constructor refuses a position below 1 or an end before the start
    }

    /** @return {@code source:line:column: severity CODE: message}, as compilers print it (without the fix) */
    @Override
    public String toString() {
        return source() + ":" + line() + ":" + column() + ": " + severity().word() + " " + code() + ": " + message();
    }

    /** The text form: {@link #toString()}, then the fix on an indented line of its own, as compilers print notes. */
    String render() {
        return toString() + fix().map(f -> "\n    fix: " + f).orElse("");
    }

    /**
     * Builds a {@link Diagnostic}. Not thread-safe.
     *
     * <pre>{@code
     * Diagnostic d = Diagnostic.builder(DiagnosticCode.MISSING_NAME).message("no name").source("a.conf").build();
     * }</pre>
     */
    public static final class Builder extends ImmutableDiagnostic.Builder {

        Builder() {
        }

        /**
         * Sets the range; the end is exclusive.
         *
         * @param startLine 1-based first line
         * @param startColumn 1-based first column
         * @param lastLine 1-based last line
         * @param columnAfter 1-based column just after the range
         * @return this builder
         */
        public Builder range(int startLine, int startColumn, int lastLine, int columnAfter) {
            return line(startLine).column(startColumn).endLine(lastLine).endColumn(columnAfter);
        }

        /**
         * Builds the diagnostic.
         *
         * @return the diagnostic
         * @throws IllegalArgumentException if the range is not 1-based or ends before it starts
         */
        @Override
        public Diagnostic build() {
            return super.build();
        }
    }

    /**
     * How bad a {@link Diagnostic} is.
     *
     * <pre>{@code
     * boolean broken = linter.lint(path).stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
     * }</pre>
     *
     * <p>Enum constants are immutable and thread-safe.
     */
    public enum Severity {
        /** libcni would refuse the configuration, or a plugin certainly fails on it. */
        ERROR,
        /** The configuration loads, but probably does not do what was meant. */
        WARNING,
        /** A hint; nothing is wrong today. */
        INFO;

        /** @return the SARIF {@code level} for this severity ({@code error}, {@code warning} or {@code note}) */
        String sarifLevel() {
            switch (this) {
                case ERROR: return "error";
                case WARNING: return "warning";
                default: return "note";
            }
        }

        /** @return the lower-case word used in text output ({@code error}, {@code warning}, {@code info}) */
        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A range of a document for {@link EditorServices}: 1-based lines and columns counted in code points, the end
     * exclusive, as in {@link Diagnostic}. An empty range ({@code start == end}) is a cursor position.
     *
     * <pre>{@code
     * Diagnostic.Range r = diagnostic.range();              // the text the diagnostic is about
     * Diagnostic.Range cursor = Diagnostic.Range.at(4, 7);   // line 4, column 7
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     *
     * @param startLine the 1-based first line
     * @param startColumn the 1-based first column
     * @param endLine the 1-based line of the end
     * @param endColumn the 1-based column just after the range
     */
    public record Range(int startLine, int startColumn, int endLine, int endColumn) {

        /**
         * Checks the range.
         *
         * @param startLine see the record description
         * @param startColumn see the record description
         * @param endLine see the record description
         * @param endColumn see the record description
         * @throws IllegalArgumentException if a position is not 1-based or the end is before the start
         */
        public Range {
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
        public static Range at(int line, int column) {
            return new Range(line, column, line, column);
        }
    }
}
