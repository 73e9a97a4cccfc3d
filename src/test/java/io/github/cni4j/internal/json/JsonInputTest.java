package io.github.cni4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonInputTest {

    private static JsonProblem problem(String text) {
        return problem(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonProblem problem(byte[] text) {
        return catchThrowableOfType(JsonProblem.class, () -> JsonInput.read(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\":`                 | 1 | 6  | unexpected end of JSON input: expected a value after the field name",
        "`{`                       | 1 | 2  | unexpected end of JSON input: expected a field name in double quotes or '}'",
        "`{\"a\":\"abc`            | 1 | 10 | unexpected end of JSON input: expected the closing '\"' of a string",
        "`{\"a\" 1}`               | 1 | 6  | invalid character '1': expected ':' after the field name",
        "`{\"a\":1,}`              | 1 | 8  | invalid character '}': expected a field name in double quotes",
        "`{\"a\":1 \"b\":2}`       | 1 | 8  | invalid character '\"': expected ',' or '}' after an object member",
        "`[1 2]`                   | 1 | 4  | invalid character '2': expected ',' or ']' after an array element",
        "`{\"a\":[1,]}`            | 1 | 9  | invalid character ']': expected a value",
        "`{\"a\":tru}`             | 1 | 6  | invalid literal 'tru': expected a value (a string, number, object, array, true, false or null)",
        "`{} x`                    | 1 | 4  | invalid literal 'x': expected the end of the input after the top-level value",
        "`{} {}`                   | 1 | 4  | unexpected data after the top-level value: expected the end of the input",
        "`{'a':1}`                 | 1 | 2  | invalid character ''': expected a field name in double quotes",
        "`{\"a\":\"\\x\"}`         | 1 | 8  | invalid escape sequence 'x' in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
    })
    void syntaxErrorsSayWhatWasExpectedAndWhere(String text, int line, int column, String message) {
        JsonProblem p = problem(text);
        assertThat(p.getMessage()).isEqualTo(message);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.syntax()).isTrue();
    }

    @Test
    void positionsCountLinesAndCharactersNotBytes() {
        JsonProblem p = problem("{\n  \"é😀\": \"ü\" x\n}");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(13);
    }

    @Test
    void carriageReturnsCountAsLineBreaks() {
        assertThat(problem("{\r\n\"a\":1,\r\"b\" 2}").line()).isEqualTo(3);
    }

    @Test
    void syntaxErrorPointerNamesTheEnclosingValue() {
        assertThat(problem("{\"a\":{\"b\":[1,2,}]}}").pointer()).isEqualTo("/a/b");
    }

    @Test
    void emptyInputHasNoPosition() {
        JsonProblem p = problem("");
        assertThat(p.getMessage()).isEqualTo("unexpected end of JSON input");
        assertThat(p.line()).isZero();
    }

    @Test
    void blankInputIsReportedAtItsEnd() {
        JsonProblem p = problem("  \n ");
        assertThat(p.getMessage()).isEqualTo("unexpected end of JSON input: expected a JSON value");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(2);
    }

    @Test
    void controlCharacterInStringIsNamed() {
        assertThat(problem("{\"a\":\"\u0001\"}").getMessage())
                .isEqualTo("invalid control character U+0001 in a string: expected it escaped (\\n, \\t, \\u00XX)");
    }

    @Test
    void byteOrderMarkAndUtf16AreRefused() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThat(problem(bom).getMessage()).contains("UTF-8 without a byte order mark");
        byte[] utf16 = {0, '{', 0, '}'};
        assertThat(problem(utf16).line()).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] text = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(problem(text).getMessage()).startsWith("invalid UTF-8 byte sequence");
    }

    @Test
    void numbersBeyondFloat64AreRefusedWithTheirText() {
        JsonProblem p = problem("{\"a\":[1, 1e400]}");
        assertThat(p.getMessage()).isEqualTo("number 1e400 is out of range: JSON numbers must fit a 64-bit float");
        assertThat(p.pointer()).isEqualTo("/a/1");
        assertThat(p.column()).isEqualTo(10);
    }

    @Test
    void nestingDeeperThan256IsRefused() {
        String deep = "[".repeat(300) + "]".repeat(300);
        JsonProblem p = problem(deep);
        assertThat(p.getMessage()).isEqualTo("JSON nests deeper than 256 levels");
        assertThat(p.line()).isEqualTo(1);
        assertThat(JsonInput.read(("[".repeat(256) + "]".repeat(256)).getBytes(StandardCharsets.UTF_8)).isArray())
                .isTrue();
    }

    @Test
    void documentsLargerThan16MiBAreRefused() {
        byte[] big = new byte[JsonInput.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(problem(big).getMessage()).contains("larger than the limit of 16777216 bytes");
    }

    @Test
    void duplicateKeysKeepTheLastValueAsGoDoes() {
        assertThat(JsonInput.read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)).get("a").intValue())
                .isEqualTo(2);
    }

    @Test
    void locatorFindsNestedValuesAndFallsBackToTheParentForMissingKeys() {
        byte[] text = "{\n  \"a\": {\n    \"b\": [10, 20]\n  }\n}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLocator.position(text, "/a/b/1")).startsWith(3, 15);
        assertThat(JsonLocator.position(text, "/a/missing")).startsWith(2, 8);
        assertThat(JsonLocator.position(text, "")).startsWith(1, 1);
    }

    @Test
    void locatorUnescapesPointerTokens() {
        byte[] text = "{\"a/b\":{\"c~d\":1}}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLocator.position(text, JsonPointers.child(JsonPointers.child("", "a/b"), "c~d")))
                .startsWith(1, 15);
    }

    @Test
    void locatorReportsTheLastOfDuplicateKeys() {
        byte[] text = "{\"a\":1,\n\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLocator.position(text, "/a")).startsWith(2, 5);
    }
}
