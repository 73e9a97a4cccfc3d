package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * cni4j's one configured Jackson parser factory and tree reader, with the input limits that keep hostile configs
 * from exhausting the stack or the heap, and the shared {@link ObjectMapper} for the code that binds values.
 *
 * <p>The trees of configs, results and cache files are read here straight from the parser, not through an
 * {@code ObjectMapper}: building the first mapper of a JVM costs tens of milliseconds (its date format loads the
 * locale and time-zone data, its configuration hundreds of classes), which every short-lived caller such as a CLI
 * would pay on each run. The trees are the ones the mapper reads (see {@link #readTree(JsonParser)}).
 *
 * <p>Thread-safe.
 */
public final class JsonTrees {

    /** Deepest nesting accepted in any JSON cni4j reads; real CNI configs nest fewer than 10 levels. */
    public static final int MAX_DEPTH = 256;
    /** Longest string value accepted (bytes); large enough for any base64 cache entry. */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** Longest number literal accepted. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** The parser factory, with the limits above and source text in error locations. */
    public static final JsonFactory FACTORY = factory();

    /** Makes the nodes of every tree: floats stay doubles, as Go's generic decode makes them. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    /** Made on first use only (start-up time, see above). */
    private static final class Mapper {
        /** Duplicate keys: the last one wins, as in Go. */
        static final ObjectMapper INSTANCE = JsonMapper.builder(factory())
                .nodeFactory(NODES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private JsonTrees() {
    }

    private static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * {@return the shared mapper, with the same limits, nodes and duplicate-key rule as the tree reader} Built on
     * the first call.
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /**
     * Reads the value at the parser's current token, or at its next one when it has none yet, as
     * {@code ObjectMapper.readTree(JsonParser)} does: the last of duplicate keys wins (at the place of the first),
     * integers become int, long or big-integer nodes by size, other numbers doubles. The parser is left on the
     * value's last token; what follows is not read.
     *
     * @param p the parser
     * @return the tree, or null when the input has no more tokens
     * @throws IOException what the parser throws on bad input
     */
    public static JsonNode readTree(JsonParser p) throws IOException {
        JsonToken t = p.currentToken() == null ? p.nextToken() : p.currentToken();
        return t == null ? null : TreeReader.read(p, false, TreeFilter.ALL).tree();
    }

    /**
     * The first JSON value of {@code json}, as {@code ObjectMapper.readTree(byte[])} reads it: a missing node for
     * empty input, and anything after the value ignored.
     *
     * @param json UTF-8 (or UTF-16/32, which Jackson detects) text
     * @return the tree
     * @throws IOException what the parser throws on bad input
     */
    public static JsonNode readTree(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonNode tree = readTree(p);
            return tree == null ? NODES.missingNode() : tree;
        }
    }

    /**
     * {@link #readTree(byte[])} of a string.
     *
     * @param json the text
     * @return the tree
     * @throws IOException what the parser throws on bad input
     */
    public static JsonNode readTree(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonNode tree = readTree(p);
            return tree == null ? NODES.missingNode() : tree;
        }
    }
}
