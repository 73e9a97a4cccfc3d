package io.github.cni4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code JsonInput}'s one-pass tree reader makes the very trees (node classes included) databind's readTree makes. */
class TreeReaderTest {

    private static final long SEED = 0x5eed19L;

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "0", "-0", "\"x\"", "true", "null", "1.5", "-0.0", "1e400", "-1e400",
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"c\":[],\"a\":[1]}", "[2147483647,2147483648,-2147483649]",
        "[9223372036854775807,9223372036854775808,-9223372036854775809]", "[1.0,1e2,1E-2,0.5e+3]",
        "{\"a\":\"\\u00e9\\n\",\"\\u2028\":null}", "[[[[[]]]],{\"x\":{\"y\":{}}}]",
    })
    void makesTheTreeReadTreeMakes(String text) throws Exception {
        assertSameTree(JsonInput.parse(bytes(text)), JsonTrees.mapper().readTree(text));
    }

    @Test
    void seededRandomDocumentsGiveTheSameTrees() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            String text = value(random, 0);
            assertSameTree(JsonInput.parse(bytes(text)), JsonTrees.mapper().readTree(text));
        }
    }

    @Test
    void readKeepsNegativeZeroInsideContainersButParseDoesNot() {
        byte[] text = bytes("{\"a\":-0,\"b\":[-0,0,\"-0\"],\"c\":-0.0}");
        assertThat(GoJson.encode(JsonInput.read(text))).asString().isEqualTo("{\"a\":-0,\"b\":[-0,0,\"-0\"],\"c\":-0}");
        assertThat(GoJson.encode(JsonInput.parse(text))).asString().isEqualTo("{\"a\":0,\"b\":[0,0,\"-0\"],\"c\":-0}");
        assertThat(GoJson.encode(JsonInput.read(bytes("-0")))).asString().isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000"})
    void aNumberTooLargeForAFloat64FailsEvenWhereThePartIsNotBuilt(String number) {
        byte[] text = bytes("{\"kept\":1,\n \"skipped\":{\"x\":[true, " + number + "]}}");
        JsonProblem whole = catchThrowableOfType(JsonProblem.class, () -> JsonInput.read(text));
        JsonProblem part = catchThrowableOfType(JsonProblem.class, () -> JsonInput.readPart(text,
                TreeFilter.members(k -> k.equals("kept") ? TreeFilter.ALL : null)));
        assertThat(part).isNotNull();
        assertThat(part.getMessage()).isEqualTo(whole.getMessage()).contains("out of range");
        assertThat(part.pointer()).isEqualTo(whole.pointer()).isEqualTo("/skipped/x/1");
        assertThat(new int[] {part.line(), part.column()}).containsExactly(whole.line(), whole.column());
    }

    @Test
    void ofDuplicateKeysTheLastValueWinsEvenAfterNegativeZero() {
        assertThat(GoJson.encode(JsonInput.read(bytes("{\"a\":-0,\"a\":1}")))).asString().isEqualTo("{\"a\":1}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Random r, int depth) {
        int kind = depth > 4 ? 3 + r.nextInt(6) : r.nextInt(9);
        return switch (kind) {
            case 0, 1 -> object(r, depth);
            case 2 -> array(r, depth);
            case 3 -> "\"" + key(r) + "\"";
            case 4 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 5 -> r.nextInt(4) == 0 ? "-0" : Integer.toString(r.nextInt(2000) - 1000);
            case 6 -> r.nextInt(5) == 0 ? "1" + "0".repeat(r.nextInt(400)) : Double.toString(r.nextGaussian() * 1e3);
            case 7 -> r.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    private static String object(Random r, int depth) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = r.nextInt(5); i > 0; i--) {
            sb.append('"').append(key(r)).append("\":").append(value(r, depth + 1)).append(i > 1 ? "," : "");
        }
        return sb.append('}').toString();
    }

    private static String array(Random r, int depth) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = r.nextInt(5); i > 0; i--) {
            sb.append(value(r, depth + 1)).append(i > 1 ? "," : "");
        }
        return sb.append(']').toString();
    }

    /** Few distinct keys, so that duplicates occur. */
    private static String key(Random r) {
        return new String[] {"a", "b", "type", "Type", "\\u00e9", "x y", "-0"}[r.nextInt(7)];
    }

    private static void assertSameTree(JsonNode actual, JsonNode expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual).isEqualTo(expected);
        if (expected.isObject()) {
            assertThat(actual.size()).isEqualTo(expected.size());
            Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
            Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> x = e.next();
                Map.Entry<String, JsonNode> y = a.next();
                assertThat(y.getKey()).isEqualTo(x.getKey());
                assertSameTree(y.getValue(), x.getValue());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i));
            }
        }
    }
}
