package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one shared, configured Jackson mapper of cni4j (thread-safe once built) with the input limits that keep
 * hostile configs from exhausting the stack or the heap.
 */
public final class JsonTrees {

    /** Deepest nesting accepted in any JSON cni4j reads; real CNI configs nest fewer than 10 levels. */
    public static final int MAX_DEPTH = 256;
    /** Longest string value accepted (bytes); large enough for any base64 cache entry. */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** Longest number literal accepted. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Duplicate keys: the last one wins, as in Go. Floats stay doubles, as Go's generic decode makes them. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(false))
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonTrees() {
    }
}
