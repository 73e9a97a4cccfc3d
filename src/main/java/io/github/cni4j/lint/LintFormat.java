package io.github.cni4j.lint;

import java.util.List;

/**
 * The output formats for diagnostics: compiler-style text, a JSON array, and SARIF 2.1.0 for code-scanning tools.
 *
 * <pre>{@code
 * List<Diagnostic> ds = Linter.standard().lint(path);
 * System.out.print(LintFormat.TEXT.format(ds));
 * Files.writeString(Path.of("lint.sarif"), LintFormat.SARIF.format(ds));
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum LintFormat {
    /**
     * One line per diagnostic, {@code file:line:col: severity CODE: message}; a fix hint follows on an extra line
     * that starts with spaces ({@code "    fix: did you mean \"isGateway\"?"}), so line-based problem matchers skip it.
     */
    TEXT,
    /**
     * A JSON array of objects with {@code code}, {@code severity}, {@code message}, {@code source}, {@code line},
     * {@code column}, {@code endLine}, {@code endColumn}, {@code jsonPointer} and, when there is one, {@code fix}.
     */
    JSON,
    /**
     * A SARIF 2.1.0 log for GitHub code scanning and IDE viewers: tool {@code cni4j-lint} with a rule per
     * {@link DiagnosticCode}; each result has its level, message, a region in code-point columns, and the JSON
     * pointer and fix hint as properties.
     */
    SARIF;

    /**
     * Formats diagnostics.
     *
     * @param diagnostics the diagnostics, usually from {@link Linter#lint(java.nio.file.Path)}
     * @return the formatted text
     */
    public String format(List<Diagnostic> diagnostics) {
        switch (this) {
            case TEXT:
                StringBuilder sb = new StringBuilder();
                diagnostics.forEach(d -> sb.append(d.render()).append('\n'));
                return sb.toString();
            case JSON:
                return DiagnosticJson.toJson(diagnostics);
            default:
                return Sarif.toJson(diagnostics);
        }
    }
}
