package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

/** The tolerant parser calls a text malformed exactly when a strict JSON parser (Jackson) refuses it. */
class ParserAgreesWithJacksonProperties {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> SEEDS = TestFiles.validConfigs().stream().map(TestFiles::read)
            .collect(java.util.stream.Collectors.toList());

    private static Gen<String> slightlyBroken() {
        Gen<String> piece = Gen.of("", ",", ":", "{", "}", "[", "]", "\"", "\\", "\\u00", "\\q", "'",
                "01", "-", "1.", ".5", "1e5", "tru", "true1", "null", "//", "/*", "\n", "\t", "\u0001", "é", "+1");
        Gen<String> seeds = Gen.of(SEEDS);
        Gen<Double> fractions = Gen.doubles(0, 1);
        Gen<Integer> cuts = Gen.ints(0, 3);
        return r -> {
            String seed = seeds.next(r);
            double at = fractions.next(r);
            int cut = cuts.next(r);
            String p = piece.next(r);
            int pos = (int) (at * seed.length());
            return seed.substring(0, pos) + p + seed.substring(Math.min(seed.length(), pos + cut));
        };
    }

    @Test
    void syntaxErrorsExactlyWhenJacksonRefuses() {
        Seeded.forAll(500, slightlyBroken(), ParserAgreesWithJacksonProperties::agreesWithJackson);
    }

    private static void agreesWithJackson(String text) {
        boolean jacksonAccepts;
        try {
            JsonNode n = STRICT.readTree(text);
            jacksonAccepts = n != null && !n.isMissingNode();
        } catch (IOException e) {
            jacksonAccepts = false;
        }
        boolean weAccept = Linter.standard().lint(text, "p.conflist").stream()
                .noneMatch(d -> d.kind() == DiagnosticCode.JSON_SYNTAX);
        assertThat(weAccept).as(text).isEqualTo(jacksonAccepts);
    }

    private static Gen<String> jsonAlphabet() {
        return Gen.strings(Gen.chars("{}[]:,\"\\ \n0123-.eEtrufalsn/*'u"), 1, 24);
    }

    @Test
    void agreesOnShortTextsOfJsonCharacters() {
        Seeded.forAll(500, jsonAlphabet(), ParserAgreesWithJacksonProperties::agreesWithJackson);
    }
}
