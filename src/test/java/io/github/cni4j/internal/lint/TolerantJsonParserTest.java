package io.github.cni4j.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.lint.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TolerantJsonParserTest {

    private LintContext ctx;

    private Optional<JsonNode> parse(String text) {
        ctx = new LintContext(new SourceText(text), "t.json");
        return new TolerantJsonParser(ctx).parse();
    }

    private List<String> errors() {
        return ctx.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.toList());
    }

    @Test
    void recordsTheRangeOfEveryKeyAndValue() {
        JsonNode root = parse("{\"a\": [1, \"x\"], \"b\": {\"c\": null}}").orElseThrow();
        assertThat(ctx.diagnostics()).isEmpty();
        JsonNode.Member a = root.member("a").orElseThrow();
        assertThat(List.of(a.keyStart(), a.keyEnd(), a.value().start(), a.value().end())).containsExactly(1, 4, 6, 14);
        assertThat(a.value().elements()).extracting(JsonNode::text).containsExactly("1", "x");
        assertThat(root.get("b").orElseThrow().get("c").orElseThrow().kind()).isEqualTo(JsonNode.Kind.NULL);
        assertThat(root.end()).isEqualTo(33);
    }

    @Test
    void duplicateKeysAreAllKeptAndTheLastOneWins() {
        JsonNode root = parse("{\"a\": 1, \"a\": 2}").orElseThrow();
        assertThat(root.members()).hasSize(2);
        assertThat(root.get("a").orElseThrow().text()).isEqualTo("2");
        assertThat(ctx.diagnostics()).extracting(Diagnostic::code).containsExactly("CNI0003");
    }

    @Test
    void recoversFromMissingAndTrailingCommas() {
        JsonNode root = parse("{\"a\": 1 \"b\": [1 2,], \"c\": 3,}").orElseThrow();
        assertThat(root.members()).extracting(JsonNode.Member::key).containsExactly("a", "b", "c");
        assertThat(root.get("b").orElseThrow().elements()).hasSize(2);
        assertThat(errors()).containsExactly("1:9 missing ',' before \"b\"",
                "1:17 missing ',' between array elements", "1:18 trailing comma before ']'; JSON allows none",
                "1:28 trailing comma before '}'; JSON allows none");
    }

    @Test
    void anUnterminatedStringEndsAtTheLineBreak() {
        JsonNode root = parse("{\"a\": \"oops,\n \"b\": true}").orElseThrow();
        assertThat(root.get("a").orElseThrow().text()).isEqualTo("oops,");
        assertThat(root.get("b").orElseThrow().text()).isEqualTo("true");
        assertThat(errors()).containsExactly("1:7 unterminated string; expected a closing \" on the same line",
                "2:2 missing ',' before \"b\"");
    }

    @Test
    void missingColonAndMissingValueBecomeErrorNodes() {
        JsonNode root = parse("{\"a\" 1, \"b\":, \"c\": }").orElseThrow();
        assertThat(root.get("a").orElseThrow().text()).isEqualTo("1");
        assertThat(root.get("b").orElseThrow().kind()).isEqualTo(JsonNode.Kind.ERROR);
        assertThat(root.get("c").orElseThrow().kind()).isEqualTo(JsonNode.Kind.ERROR);
        assertThat(errors()).hasSize(3);
    }

    @Test
    void mismatchedBracketsCloseTheInnerContainer() {
        // The '}' closes the array and then the object, as most editors' parsers read it.
        JsonNode root = parse("{\"a\": [1, 2}, \"b\": 3}").orElseThrow();
        assertThat(root.get("a").orElseThrow().elements()).hasSize(2);
        assertThat(root.end()).isEqualTo(12);
        assertThat(errors()).containsExactly("1:12 expected ']' before '}'", "1:13 unexpected ',' after the end of "
                + "the document");
    }

    @Test
    void decodesEscapesAndReportsBadOnes() {
        JsonNode root = parse("{\"a\": \"x\\u0041\\n\\q\"}").orElseThrow();
        assertThat(root.get("a").orElseThrow().text()).isEqualTo("xA\n");
        assertThat(errors()).singleElement().asString().startsWith("1:17 invalid escape '\\q'");
    }

    @Test
    void commentsSingleQuotesAndBareWordsAreReportedAndRead() {
        JsonNode root = parse("// hi\n{'a': yes, b: 1}").orElseThrow();
        assertThat(root.members()).extracting(JsonNode.Member::key).containsExactly("a", "b");
        assertThat(errors()).containsExactly("1:1 comments are not allowed in JSON",
                "2:2 strings must be in double quotes, not single quotes",
                "2:7 invalid value 'yes'; expected a string in double quotes, a number, true, false or null",
                "2:12 object keys must be strings in double quotes: \"b\"");
    }

    @Test
    void emptyInputHasNoValue() {
        assertThat(parse("  \n")).isEmpty();
        assertThat(errors()).containsExactly("2:1 empty document; expected a JSON object");
    }

    @Test
    void deepNestingStopsAtTheLimitWithoutRecursion() {
        int depth = TolerantJsonParser.MAX_DEPTH + 50;
        JsonNode root = parse("[".repeat(depth) + "]".repeat(depth)).orElseThrow();
        assertThat(root.isArray()).isTrue();
        assertThat(ctx.diagnostics()).extracting(Diagnostic::code).containsExactly("CNI0002");
    }

    @Test
    void syntaxErrorsAreCapped() {
        parse("{" + "@".repeat(1000) + "}");
        assertThat(ctx.diagnostics()).hasSize(LintContext.MAX_SYNTAX_ERRORS + 1);
        assertThat(ctx.diagnostics().get(LintContext.MAX_SYNTAX_ERRORS).code()).isEqualTo("CNI0005");
    }
}
