package io.github.cni4j.internal.gojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.GoSyntax;
import io.github.cni4j.internal.json.JsonLocator;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading JSON as Go's encoding/json does, with its error words and a position: the syntax check, the tree, and
 * the errors of results and of the version/error documents plugins print.
 */
public final class GoErrors {

    private static final int DECODING_FAILURE = ConfigException.DECODING_FAILURE;

    private GoErrors() {
    }

    /** {@return the tree of a JSON text Go accepts; otherwise a decoding failure with Go's words after prefix} */
    public static JsonNode readTree(byte[] json, String prefix) {
        JsonNode tree = JsonInput.parse(json);
        if (tree == null) {
            GoSyntax.Error syntax = GoSyntax.check(json);
            if (syntax != null) {
                int[] at = JsonLocator.lineColumn(json, syntax.offset());
                throw new ConfigException(DECODING_FAILURE, prefix + syntax.message(), null, at[0], at[1], null, null);
            }
            tree = readLenient(json, prefix);
        }
        JsonInput.HugeNumber bad = JsonInput.hugeNumber(tree, json);
        if (bad != null) {
            // Go decodes every number of a result into a float64 and fails on one that overflows it
            throw new ConfigException(DECODING_FAILURE, prefix + "json: cannot unmarshal number " + bad.literal()
                    + " into Go value of type float64", null, bad.line(), bad.column(), bad.pointer(), null);
        }
        return tree;
    }

    /** Text Go accepts but Jackson's byte reader refuses: invalid UTF-8 (Go reads U+FFFD), or beyond cni4j's limits. */
    private static JsonNode readLenient(byte[] json, String prefix) {
        try {
            return JsonTrees.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(DECODING_FAILURE, prefix + e.getOriginalMessage(), null, line, col, null, e);
        } catch (IOException e) {
            throw new ConfigException(DECODING_FAILURE, prefix + e.getMessage(), null, 0, 0, null, e);
        }
    }

    /** {@return a decoding-failure exception at the value of {@code pointer} in {@code text} (either may be null)} */
    public static ConfigException fail(String msg, String pointer, byte[] text) {
        int[] at = text == null || pointer == null ? new int[2] : JsonLocator.position(text, pointer);
        return new ConfigException(DECODING_FAILURE, msg, null, at[0], at[1], pointer, null);
    }

    /** {@return the source text of the number at a JSON pointer, as Go quotes it in errors (errors only)} */
    public static String numberText(byte[] text, String pointer, String fallback) {
        String s = JsonInput.literal(text, JsonLocator.position(text, pointer)[2], Integer.MAX_VALUE);
        return s.isEmpty() ? fallback : s;
    }
}
