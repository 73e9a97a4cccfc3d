package io.github.cni4j.lint;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions that lint CNI configurations in your tests and fail with the diagnostics printed as an IDE
 * shows them.
 *
 * <p>AssertJ is an optional dependency of cni4j: add {@code org.assertj:assertj-core} to your test scope to use
 * this class. Nothing else in cni4j needs AssertJ.
 *
 * <pre>{@code
 * import static io.github.cni4j.lint.CniAssertions.assertThatConfigFile;
 * import static io.github.cni4j.lint.CniAssertions.assertThatConfigText;
 *
 * assertThatConfigFile(Path.of("deploy/10-mynet.conflist")).isValid().hasNoWarnings();
 * assertThatConfigText("{\"cniVersion\":\"1.0.0\",\"name\":\"my net\",\"plugins\":[{\"type\":\"bridge\"}]}")
 *         .hasDiagnosticAt("CNI0012", 1, 30);
 * }</pre>
 *
 * <p>Stateless and thread-safe; each assertion object is used by one test thread.
 */
public final class CniAssertions {

    private CniAssertions() {
    }

    /**
     * Lints a file with {@link Linter#standard()}.
     *
     * @param file a {@code .conf}, {@code .conflist} or {@code .json} file
     * @return the assertion
     */
    public static ConfigAssert assertThatConfigFile(Path file) {
        return new ConfigAssert(file.toString(), Linter.standard().lint(file));
    }

    /**
     * Lints configuration text with {@link Linter#standard()}; diagnostics name it {@code <string>}.
     *
     * @param configText the JSON text of a configuration
     * @return the assertion
     */
    public static ConfigAssert assertThatConfigText(String configText) {
        return new ConfigAssert("<string>", Linter.standard().lint(configText, "<string>"));
    }

    /**
     * Assertions on the diagnostics of one configuration. Not thread-safe.
     *
     * <pre>{@code
     * CniAssertions.assertThatConfigFile(path).isValid().hasDiagnostic("CNI0100");
     * }</pre>
     */
    public static final class ConfigAssert extends AbstractAssert<ConfigAssert, List<Diagnostic>> {
        private final String source;

        private ConfigAssert(String source, List<Diagnostic> diagnostics) {
            super(diagnostics, ConfigAssert.class);
            this.source = source;
        }

        /**
         * Checks that there are no errors (warnings and hints are allowed).
         *
         * @return this assertion
         */
        public ConfigAssert isValid() {
            return none(d -> d.severity() == Diagnostic.Severity.ERROR, "to be valid (no errors)");
        }

        /**
         * Checks that there are neither errors nor warnings (hints are allowed).
         *
         * @return this assertion
         */
        public ConfigAssert hasNoWarnings() {
            return none(d -> d.severity() != Diagnostic.Severity.INFO, "to have no errors or warnings");
        }

        /**
         * Checks that the linter reported nothing at all.
         *
         * @return this assertion
         */
        public ConfigAssert hasNoDiagnostics() {
            return none(d -> true, "to have no diagnostics");
        }

        /**
         * Checks that a diagnostic with this code was reported.
         *
         * @param code a code such as {@code CNI0100}
         * @return this assertion
         */
        public ConfigAssert hasDiagnostic(String code) {
            Objects.requireNonNull(code, "code");
            return some(d -> d.code().equals(code), "to have a diagnostic " + code);
        }

        /**
         * Checks that a diagnostic with this code starts at this position.
         *
         * @param code a code such as {@code CNI0100}
         * @param line the 1-based line
         * @param column the 1-based column, in code points
         * @return this assertion
         */
        public ConfigAssert hasDiagnosticAt(String code, int line, int column) {
            Objects.requireNonNull(code, "code");
            return some(d -> d.code().equals(code) && d.line() == line && d.column() == column,
                    "to have a diagnostic " + code + " at " + line + ":" + column);
        }

        private ConfigAssert none(Predicate<Diagnostic> bad, String expectation) {
            isNotNull();
            if (actual.stream().anyMatch(bad)) {
                failWithMessage("%s", "Expecting " + source + " " + expectation + ", but the linter reported:\n"
                        + render(actual.stream().filter(bad).collect(Collectors.toList())));
            }
            return this;
        }

        private ConfigAssert some(Predicate<Diagnostic> wanted, String expectation) {
            isNotNull();
            if (actual.stream().noneMatch(wanted)) {
                failWithMessage("%s", "Expecting " + source + " " + expectation + ", but the linter reported "
                        + (actual.isEmpty() ? "nothing" : ":\n" + render(actual)));
            }
            return this;
        }

        private static String render(List<Diagnostic> ds) {
            return ds.stream().map(d -> "  " + d.render().replace("\n", "\n  ")).collect(Collectors.joining("\n"));
        }
    }
}
