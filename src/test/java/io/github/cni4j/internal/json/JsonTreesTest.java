package io.github.cni4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tree reader against the mapper it replaces on the start path: the same nodes (types included, which
 * {@code JsonNode.equals} compares) for every input, the same refusals for bad ones.
 */
class JsonTreesTest {

    private static final List<String> EDGES = List.of(
            "", "  ", "null", "true", "false", "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1.5", "-0.0", "1e3",
            "1E-400", "1e400", "\"x\"", "\"\\u00e9\\ud83d\\ude00\"", "[]", "{}", "[1,[2,[3,{}]]]",
            "{\"a\":1,\"a\":2,\"b\":3}", "{\"a\":{\"a\":null}}", "{\"a\":1} trailing", "[1] [2]", "{\"a\":",
            "[1,]", "{\"a\" 1}", "\"unterminated", "{\"cniVersion\":\"1.0.0\",\"plugins\":[{\"type\":\"bridge\"}]}",
            "\uFEFF{\"bom\":true}", "[" + "[".repeat(300) + "]".repeat(301));

    @Test
    void edgeCasesReadAsTheMapperReadsThem() {
        for (String text : EDGES) {
            assertSameAsMapper(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void corpusConfigsReadAsTheMapperReadsThem() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/corpus"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            assertSameAsMapper(Files.readAllBytes(f));
        }
    }

    @Test
    void randomDocumentsReadAsTheMapperReadsThem() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            value(random, sb, 0);
            String text = sb.toString();
            if (random.nextInt(8) == 0 && text.length() > 1) {
                // A cut document: both readers must refuse it alike.
                text = text.substring(0, random.nextInt(text.length()));
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                assertSameAsMapper(bytes);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", document " + text, e);
            }
        }
    }

    @Test
    void readTreeOfAParserStartsAtItsCurrentTokenAndStopsAfterTheValue() throws IOException {
        try (JsonParser p = JsonTrees.FACTORY.createParser("{\"a\":[1,2]} 7")) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(JsonTrees.readTree(p).path("a").size()).isEqualTo(2);
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(JsonTrees.readTree(p).intValue()).isEqualTo(7);
            assertThat(p.nextToken()).isNull();
            assertThat(JsonTrees.readTree(p)).isNull();
        }
        try (JsonParser p = JsonTrees.FACTORY.createParser("  ")) {
            assertThat(JsonTrees.readTree(p)).isNull();
        }
        try (JsonParser p = JsonTrees.FACTORY.createParser("{\"a\":1}")) {
            p.nextToken();
            p.nextToken();
            assertThatThrownBy(() -> JsonTrees.readTree(p)).isInstanceOf(JsonParseException.class)
                    .hasMessageContaining("FIELD_NAME");
        }
    }

    private static void assertSameAsMapper(byte[] bytes) {
        JsonNode expected;
        try {
            expected = JsonTrees.mapper().readTree(bytes);
        } catch (IOException e) {
            assertThatThrownBy(() -> JsonTrees.readTree(bytes)).as(new String(bytes, StandardCharsets.UTF_8))
                    .isInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return;
        }
        try {
            assertThat(JsonTrees.readTree(bytes)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            expected = JsonTrees.mapper().readTree(text);
        } catch (IOException e) {
            assertThatThrownBy(() -> JsonTrees.readTree(text)).as(text).isInstanceOf(e.getClass())
                    .hasMessage(e.getMessage());
            return;
        }
        try {
            assertThat(JsonTrees.readTree(text)).as(text).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(Random random, StringBuilder sb, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        switch (kind) {
            case 0 -> sb.append("null");
            case 1 -> sb.append(random.nextBoolean());
            case 2 -> sb.append(List.of(random.nextInt(), random.nextLong(), random.nextInt(10)).get(random.nextInt(3)));
            case 3 -> sb.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> sb.append(random.nextBoolean() ? "1" + "0".repeat(random.nextInt(30)) : "-0");
            case 5 -> sb.append('"').append(List.of("a", "é", "\\n", "\\u0041", "").get(random.nextInt(5))).append('"');
            case 6 -> {
                List<String> keys = new ArrayList<>(List.of("a", "b", "a", "type", "ipam"));
                sb.append('{');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append('"').append(keys.get(random.nextInt(keys.size()))).append("\":");
                    value(random, sb, depth + 1);
                }
                sb.append('}');
            }
            default -> {
                sb.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "");
                    value(random, sb, depth + 1);
                }
                sb.append(']');
            }
        }
    }
}
