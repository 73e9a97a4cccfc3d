package io.github.cni4j.lint;

/**
 * How bad a {@link Diagnostic} is.
 *
 * <pre>{@code
 * boolean broken = linter.lint(path).stream().anyMatch(d -> d.severity() == Severity.ERROR);
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
