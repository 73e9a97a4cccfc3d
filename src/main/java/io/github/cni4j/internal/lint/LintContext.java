package io.github.cni4j.internal.lint;

import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one lint run and turns character offsets into editor positions.
 *
 * <p>Caps the output: a file of random bytes would otherwise produce one syntax error per character. Used by one
 * thread at a time (one run).
 */
public final class LintContext {

    static final int MAX_SYNTAX_ERRORS = 100;
    static final int MAX_DIAGNOSTICS = 2000;
    static final int MAX_MESSAGE = 1000;

    private final SourceText source;
    private final String sourceName;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int syntaxErrors;
    private boolean capped;

    /** A run over {@code source}; {@code sourceName} is printed in front of each diagnostic. */
    public LintContext(SourceText source, String sourceName) {
        this.source = source;
        this.sourceName = sourceName;
    }

    /** @return the text being linted */
    public SourceText source() {
        return source;
    }

    /** @return the name of the text */
    public String sourceName() {
        return sourceName;
    }

    /** @return the diagnostics so far, in the order reported */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Reports a problem about a value at {@code pointer}: what is wrong and what is expected. */
    public void report(DiagnosticCode code, JsonNode node, String pointer, String message) {
        report(code, node.start(), node.end(), pointer, message, null);
    }

    /** Reports a problem about a value, with a suggested fix (or null). */
    public void report(DiagnosticCode code, JsonNode node, String pointer, String message, String fix) {
        report(code, node.start(), node.end(), pointer, message, fix);
    }

    /** Reports a problem about the chars {@code [start, end)}, with a suggested fix (or null). */
    public void report(DiagnosticCode code, int start, int end, String pointer, String message, String fix) {
        if (capped) {
            return;
        }
        if (code == DiagnosticCode.JSON_SYNTAX && ++syntaxErrors > MAX_SYNTAX_ERRORS) {
            if (syntaxErrors == MAX_SYNTAX_ERRORS + 1) {
                add(DiagnosticCode.TOO_MANY_PROBLEMS, start, start, pointer,
                        "more than " + MAX_SYNTAX_ERRORS + " syntax errors; the rest are not reported", null);
            }
            return;
        }
        if (diagnostics.size() >= MAX_DIAGNOSTICS) {
            capped = true;
            add(DiagnosticCode.TOO_MANY_PROBLEMS, start, start, pointer,
                    "more than " + MAX_DIAGNOSTICS + " problems; the rest are not reported", null);
            return;
        }
        add(code, start, end, pointer, message, fix);
    }

    private void add(DiagnosticCode code, int start, int end, String pointer, String message, String fix) {
        int s = Math.max(0, Math.min(start, source.text().length()));
        int e = Math.max(s, Math.min(end, source.text().length()));
        // Messages quote the document; a megabyte-long value should not make a megabyte-long message.
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        String ptr = pointer.length() > MAX_MESSAGE ? pointer.substring(0, MAX_MESSAGE) + "..." : pointer;
        Diagnostic.Builder b = Diagnostic.builder(code).message(text).jsonPointer(ptr).source(sourceName)
                .range(source.line(s), source.column(s), source.line(e), source.column(e));
        if (fix != null) {
            b.fix(fix);
        }
        diagnostics.add(b.build());
    }

    /**
     * Reports a bug in a rule (its {@code RuntimeException} or {@code StackOverflowError}, caught by the caller)
     * as an internal-error diagnostic, so that the run goes on with the other rules. Callers catch around the
     * parse, each plugin and the document as a whole: plain code, so the first lint in a JVM pays no lambda
     * bootstrap. {@code rule} names the rule in the diagnostic.
     */
    public void failed(String rule, Throwable e) {
        add(DiagnosticCode.INTERNAL_ERROR, 0, 0, "", "the linter failed in rule \"" + rule + "\" ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); the other checks still ran. Please report this with the file", null);
    }

    /** {@return the pointer with an RFC 6901 reference token (a key or an index) appended} */
    public static String child(String parent, Object token) {
        String t = token.toString();
        if (t.length() > MAX_MESSAGE) {
            t = t.substring(0, MAX_MESSAGE) + "...";   // keeps deep pointers under huge keys small
        }
        return parent + "/" + t.replace("~", "~0").replace("/", "~1");
    }
}
