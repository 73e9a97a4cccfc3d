package io.github.cni4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected bytes were produced by Go 1.19's encoding/json (map[string]interface{} decode, then Marshal). */
class GoJsonTest {

    private static String reencode(String json) {
        return new String(GoJson.encode(JsonInput.read(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1500 | 1500",
        "1.50 | 1.5",
        "-0.0 | -0",
        "-0 | -0",
        "0 | 0",
        "1e21 | 1e+21",
        "-1e21 | -1e+21",
        "1e20 | 100000000000000000000",
        "0.000001 | 0.000001",
        "0.0000001 | 1e-7",
        "12345678901234567890 | 12345678901234567000",
        "9007199254740993 | 9007199254740992",
        "5e-324 | 5e-324",
        "2.82879384806159E17 | 282879384806159000",
        "1e23 | 1e+23",
        "123456.789e3 | 123456789",
        "0.1 | 0.1",
        "1E+2 | 100",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
    })
    void numbersAreFormattedAsGoFormatsFloat64(String in, String out) {
        assertThat(reencode("[" + in + "]")).isEqualTo("[" + out + "]");
    }

    @Test
    void stringsUseGoEscapes() {
        assertThat(reencode("{\"a\":\"\\ud800x\",\"b\":\"\\u2028\\u2029\\u0001\\b\\f\\n\\r\\t/<>&\\\"\\\\é😀\"}"))
                .isEqualTo("{\"a\":\"\uFFFDx\",\"b\":\"\\u2028\\u2029\\u0001\\u0008\\u000c\\n\\r\\t/\\u003c\\u003e"
                        + "\\u0026\\\"\\\\é😀\"}");
    }

    @Test
    void unpairedSurrogateIsWrittenAsRawReplacementCharacter() {
        StringBuilder sb = new StringBuilder();
        GoJson.appendString(sb, "a\udc00b\ud83d");
        assertThat(sb).hasToString("\"a\uFFFDb\uFFFD\"");
    }

    @Test
    void keysAreSortedByCodePointWithUnpairedSurrogatesAsReplacementCharacter() {
        String sorted = reencode("{\"\\uffff\":2,\"😀\":3,\"\\ue000\":4,\"é\":5,\"b\":6,\"B\":7,\"ba\":8}");
        assertThat(sorted).isEqualTo("{\"B\":7,\"b\":6,\"ba\":8,\"é\":5,\"\ue000\":4,\"\uffff\":2,\"😀\":3}");
        assertThat(GoJson.KEY_ORDER.compare("\ud800", "\uffff")).isNegative();
        assertThat(GoJson.KEY_ORDER.compare("\ud800", "\ue000")).isPositive();
        assertThat(GoJson.KEY_ORDER.compare("a", "ab")).isNegative();
    }

    @Test
    void nestedObjectsAreSortedAndNullsKept() {
        assertThat(reencode("{\"z\":{\"y\":null,\"x\":[{\"b\":1,\"a\":true}]},\"a\":false}"))
                .isEqualTo("{\"a\":false,\"z\":{\"x\":[{\"a\":true,\"b\":1}],\"y\":null}}");
    }

    @Test
    void rawValueIsEmbeddedVerbatimInsideSortedMap() {
        ObjectNode o = JsonTrees.mapper().createObjectNode();
        o.put("z", 1);
        o.set("prevResult", new POJONode(new RawValue("{\"cniVersion\":\"0.4.0\",\"dns\":{}}")));
        o.put("a", "x");
        assertThat(new String(GoJson.encode(o), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"x\",\"prevResult\":{\"cniVersion\":\"0.4.0\",\"dns\":{}},\"z\":1}");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> GoJson.appendNumber(new StringBuilder(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoJson.appendNumber(new StringBuilder(), Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputHasNoTrailingNewlineAndNoSpaces() {
        assertThat(reencode("{ \"a\" : [ 1 , 2 ] }\n")).isEqualTo("{\"a\":[1,2]}");
    }
}
