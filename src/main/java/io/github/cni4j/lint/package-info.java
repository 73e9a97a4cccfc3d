/**
 * Linting of CNI network configurations: {@link io.github.cni4j.lint.Linter} finds every problem in a
 * {@code .conf} or {@code .conflist} and reports it as a {@link io.github.cni4j.lint.Diagnostic} with a stable code
 * and an editor position; {@link io.github.cni4j.lint.Linter#toSarif Linter.toText, toJson and toSarif} write
 * text, JSON and SARIF; {@link io.github.cni4j.lint.CniAssertions} brings the linter to AssertJ tests.
 *
 * <p>The JSON Schema for editors ships as the resource {@code io/github/cni4j/lint/cni-config.schema.json}.
 */
package io.github.cni4j.lint;
