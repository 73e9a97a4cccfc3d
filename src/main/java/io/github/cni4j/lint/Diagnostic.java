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
        if (line() < 1 || column() < 1 || endLine() < line() || (endLine() == line() && endColumn() < column())) {
            throw new IllegalArgumentException("invalid range " + line() + ":" + column() + "-" + endLine() + ":"
                    + endColumn());
        }
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
}
