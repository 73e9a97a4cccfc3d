package io.github.cni4j.lint;

import java.util.Objects;
import java.util.Optional;

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
public final class Diagnostic {

    private final DiagnosticCode kind;
    private final String message;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;
    private final String jsonPointer;
    private final String source;
    private final String fix;

    private Diagnostic(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.message = Objects.requireNonNull(b.message, "message");
        this.jsonPointer = Objects.requireNonNull(b.jsonPointer, "jsonPointer");
        this.source = Objects.requireNonNull(b.source, "source");
        this.fix = b.fix;
        if (b.line < 1 || b.column < 1 || b.endLine < b.line || (b.endLine == b.line && b.endColumn < b.column)) {
            throw new IllegalArgumentException("invalid range " + b.line + ":" + b.column + "-" + b.endLine + ":"
                    + b.endColumn);
        }
        this.line = b.line;
        this.column = b.column;
        this.endLine = b.endLine;
        this.endColumn = b.endColumn;
    }

    /**
     * Starts a diagnostic; mainly for tests and tools that merge diagnostics from elsewhere.
     *
     * @param kind the catalogue entry
     * @return a builder with the position 1:1-1:1, pointer {@code ""}, source {@code "<input>"} and no fix
     */
    public static Builder builder(DiagnosticCode kind) {
        return new Builder(kind);
    }

    /** @return the stable code, e.g. {@code CNI0100} */
    public String code() {
        return kind.id();
    }

    /** @return the catalogue entry of {@link #code()} */
    public DiagnosticCode kind() {
        return kind;
    }

    /** @return the severity */
    public Severity severity() {
        return kind.severity();
    }

    /** @return what is wrong and what was expected */
    public String message() {
        return message;
    }

    /** @return the 1-based first line */
    public int line() {
        return line;
    }

    /** @return the 1-based first column, in code points */
    public int column() {
        return column;
    }

    /** @return the 1-based line of the end of the range */
    public int endLine() {
        return endLine;
    }

    /** @return the 1-based column just after the range, in code points */
    public int endColumn() {
        return endColumn;
    }

    /** @return the RFC 6901 pointer of the value concerned; {@code ""} is the whole document */
    public String jsonPointer() {
        return jsonPointer;
    }

    /** @return the file name or source name given to the linter */
    public String source() {
        return source;
    }

    /** @return a suggested fix, e.g. {@code did you mean "isGateway"?} */
    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }

    /** @return {@code source:line:column: severity CODE: message}, as compilers print it (without the fix) */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + severity().word() + " " + code() + ": " + message;
    }

    /** The text form: {@link #toString()}, then the fix on an indented line of its own, as compilers print notes. */
    String render() {
        return toString() + (fix == null ? "" : "\n    fix: " + fix);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Diagnostic)) {
            return false;
        }
        Diagnostic d = (Diagnostic) o;
        return kind == d.kind && line == d.line && column == d.column && endLine == d.endLine
                && endColumn == d.endColumn && message.equals(d.message) && jsonPointer.equals(d.jsonPointer)
                && source.equals(d.source) && Objects.equals(fix, d.fix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, message, line, column, endLine, endColumn, jsonPointer, source, fix);
    }

    /**
     * Builds a {@link Diagnostic}. Not thread-safe.
     *
     * <pre>{@code
     * Diagnostic d = Diagnostic.builder(DiagnosticCode.MISSING_NAME).message("no name").source("a.conf").build();
     * }</pre>
     */
    public static final class Builder {
        private final DiagnosticCode kind;
        private String message = "";
        private int line = 1;
        private int column = 1;
        private int endLine = 1;
        private int endColumn = 1;
        private String jsonPointer = "";
        private String source = "<input>";
        private String fix;

        private Builder(DiagnosticCode kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * @param value what is wrong and what is expected (default {@code ""})
         * @return this builder
         */
        public Builder message(String value) {
            this.message = Objects.requireNonNull(value, "message");
            return this;
        }

        /**
         * Sets the range; the end is exclusive.
         *
         * @param startLine 1-based first line
         * @param startColumn 1-based first column
         * @param lastLine 1-based end line
         * @param columnAfter 1-based column after the range
         * @return this builder
         */
        public Builder range(int startLine, int startColumn, int lastLine, int columnAfter) {
            this.line = startLine;
            this.column = startColumn;
            this.endLine = lastLine;
            this.endColumn = columnAfter;
            return this;
        }

        /**
         * @param value RFC 6901 pointer (default {@code ""})
         * @return this builder
         */
        public Builder jsonPointer(String value) {
            this.jsonPointer = Objects.requireNonNull(value, "jsonPointer");
            return this;
        }

        /**
         * @param value the file or source name (default {@code "<input>"})
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * @param value a suggested fix (default none)
         * @return this builder
         */
        public Builder fix(String value) {
            this.fix = Objects.requireNonNull(value, "fix");
            return this;
        }

        /**
         * @return the diagnostic
         * @throws IllegalArgumentException if the range is not 1-based or ends before it starts
         */
        public Diagnostic build() {
            return new Diagnostic(this);
        }
    }
}
