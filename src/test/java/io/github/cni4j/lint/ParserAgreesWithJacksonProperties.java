package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The tolerant parser calls a text malformed exactly when a strict JSON parser (Jackson) refuses it. */
class ParserAgreesWithJacksonProperties {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> SEEDS = TestFiles.validConfigs().stream().map(TestFiles::read)
            .collect(java.util.stream.Collectors.toList());

    @Provide
    Arbitrary<String> slightlyBroken() {
        Arbitrary<String> piece = Arbitraries.of("", ",", ":", "{", "}", "[", "]", "\"", "\\", "\\u00", "\\q", "'",
                "01", "-", "1.", ".5", "1e5", "tru", "true1", "null", "//", "/*", "\n", "\t", "\u0001", "é", "+1");
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 3), piece).as((seed, at, cut, p) -> {
                    int pos = (int) (at * seed.length());
                    return seed.substring(0, pos) + p + seed.substring(Math.min(seed.length(), pos + cut));
                });
    }

    @Property(tries = 500)
    void syntaxErrorsExactlyWhenJacksonRefuses(@ForAll("slightlyBroken") String text) {
        boolean jacksonAccepts;
        try {
            JsonNode n = STRICT.readTree(text);
            jacksonAccepts = n != null && !n.isMissingNode();
        } catch (IOException e) {
            jacksonAccepts = false;
        }
        Statistics.collect(jacksonAccepts ? "valid JSON" : "malformed");
        boolean weAccept = Linter.standard().lint(text, "p.conflist").stream()
                .noneMatch(d -> d.kind() == DiagnosticCode.JSON_SYNTAX);
        assertThat(weAccept).as(text).isEqualTo(jacksonAccepts);
    }

    @Provide
    Arbitrary<String> jsonAlphabet() {
        return Arbitraries.strings().withChars("{}[]:,\"\\ \n0123-.eEtrufalsn/*'u").ofMinLength(1).ofMaxLength(24);
    }

    @Property(tries = 500)
    void agreesOnShortTextsOfJsonCharacters(@ForAll("jsonAlphabet") String text) {
        syntaxErrorsExactlyWhenJacksonRefuses(text);
    }
}
