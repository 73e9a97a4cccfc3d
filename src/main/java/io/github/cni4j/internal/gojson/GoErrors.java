package io.github.cni4j.internal.gojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonLocator;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading JSON as Go's encoding/json does, with its error words and a position: the syntax check, the tree, and
 * the errors of results and of the version/error documents plugins print.
 */
public final class GoErrors {

    /** {@code CniError.DECODING_FAILURE}; the version package depends on this one, not the other way. */
    private static final int DECODING_FAILURE = 6;

    private GoErrors() {
    }

    public static JsonNode readTree(byte[] json, String prefix) {
        GoSyntax.Error syntax = GoSyntax.check(json);
        if (syntax != null) {
            int[] at = position(json, syntax.offset());
            throw new ConfigException(DECODING_FAILURE, prefix + syntax.message(), null, at[0], at[1],
                    null, null);
        }
        try {
            // Go takes invalid UTF-8 inside strings as U+FFFD; decoding with replacement does the same
            JsonNode tree = JsonTrees.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            refuseHugeNumbers(tree, json, prefix);
            return tree;
        } catch (JsonProcessingException e) {
            // Go accepts this text (nesting beyond cni4j's limits); Jackson does not
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(DECODING_FAILURE, prefix + e.getOriginalMessage(), null, line, col,
                    null, e);
        } catch (IOException e) {
            throw new ConfigException(DECODING_FAILURE, prefix + e.getMessage(), null, 0, 0, null, e);
        }
    }

    /**
     * Go decodes every JSON number of a result into a float64 and fails on one that overflows it (found by
     * fuzzing: {@code {"x":3290E993}} once reached the Go-style encoder as Infinity).
     */
    private static void refuseHugeNumbers(JsonNode tree, byte[] json, String prefix) {
        String bad = JsonInput.findHugeNumber(tree, "");
        if (bad == null) {
            return;
        }
        int[] at = JsonLocator.position(json, bad);
        String literal = JsonInput.literal(json, at[2]);
        throw new ConfigException(DECODING_FAILURE, prefix + "json: cannot unmarshal number " + literal
                + " into Go value of type float64", null, at[0], at[1], bad, null);
    }

    private static int[] position(byte[] text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset && k < text.length; k++) {
            if (text[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    public static ConfigException fail(String msg, String pointer, byte[] text) {
        int[] at = text == null || pointer == null ? new int[2] : locate(text, pointer);
        return new ConfigException(DECODING_FAILURE, msg, null, at[0], at[1], pointer, null);
    }

    /** Finds the line and column of the value at a JSON pointer by re-scanning the text (errors only). */
    public static int[] locate(byte[] text, String pointer) {
        try (JsonParser p = seek(text, pointer)) {
            if (p != null) {
                return new int[] {p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr()};
            }
        } catch (IOException e) {
            // the text parsed before; no position is better than a misleading one
        }
        return new int[2];
    }

    /** Returns the source text of the number at a JSON pointer, as Go quotes it in errors (errors only). */
    public static String numberText(byte[] text, String pointer, String fallback) {
        try (JsonParser p = seek(text, pointer)) {
            if (p != null && p.currentToken().isNumeric()) {
                return p.getText();
            }
        } catch (IOException e) {
            // fall back to Jackson's rendering of the number
        }
        return fallback;
    }

    private static JsonParser seek(byte[] text, String pointer) throws IOException {
        if (text == null) {
            return null;
        }
        JsonParser p = JsonTrees.MAPPER.createParser(new String(text, StandardCharsets.UTF_8));
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                continue;
            }
            var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
            if (ctx != null && ctx.pathAsPointer().toString().equals(pointer)) {
                return p;
            }
        }
        p.close();
        return null;
    }
}
