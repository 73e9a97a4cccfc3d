package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tree of one JSON value straight from Jackson's tokens, with the node types {@code readTree} makes (int,
 * long and big-integer nodes by size, doubles for every fraction or exponent; of duplicate keys the last value wins
 * at the first one's place), and in the same pass notes what the strict reader must check afterwards: a number that
 * does not fit a float64, and (on request) turns an integer {@code -0} inside a container into negative zero, as Go's
 * float64 keeps it. One token pass replaces a databind read, a walk of the tree for huge numbers and a byte scan plus
 * a second token pass for {@code -0}.
 *
 * <p>Not thread-safe; one instance per read.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonTrees.MAPPER.getNodeFactory();

    private final boolean negativeZero;
    private boolean hugeNumber;

    private TreeReader(boolean negativeZero) {
        this.negativeZero = negativeZero;
    }

    /** The outcome: the tree, and whether some number overflows a float64 (then find it with the slow walk). */
    record Read(JsonNode tree, boolean hugeNumber) {
    }

    /**
     * Reads the value whose first token {@code p} is on; leaves {@code p} on the value's last token.
     *
     * @param p a parser on the first token of a value
     * @param negativeZero whether an integer {@code -0} inside an object or array becomes negative zero
     * @return the tree and the huge-number note
     * @throws IOException what Jackson throws for text that is not JSON or breaks a read limit
     */
    static Read read(JsonParser p, boolean negativeZero) throws IOException {
        TreeReader r = new TreeReader(negativeZero);
        JsonNode tree = r.value(p, p.currentToken(), false);
        return new Read(tree, r.hugeNumber);
    }

    private JsonNode value(JsonParser p, JsonToken t, boolean inContainer) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            return container(p, t);
        }
        return scalar(p, t, inContainer);
    }

    /** Iterative, with an explicit stack, so that the nesting limit, not the thread's stack, bounds the depth. */
    private JsonNode container(JsonParser p, JsonToken first) throws IOException {
        List<ContainerNode<?>> stack = new ArrayList<>(8);
        ContainerNode<?> root = first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        stack.add(root);
        while (!stack.isEmpty()) {
            ContainerNode<?> top = stack.get(stack.size() - 1);
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.remove(stack.size() - 1);
                continue;
            }
            String key = null;
            if (top instanceof ObjectNode) {
                key = p.currentName();
                t = p.nextToken();
            }
            JsonNode v;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                ContainerNode<?> child = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                stack.add(child);
                v = child;
            } else {
                v = scalar(p, t, true);
            }
            if (top instanceof ObjectNode o) {
                o.replace(key, v);
            } else {
                ((ArrayNode) top).add(v);
            }
        }
        return root;
    }

    private JsonNode scalar(JsonParser p, JsonToken t, boolean inContainer) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integer(p, inContainer);
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                hugeNumber |= Double.isInfinite(d);
                return NODES.numberNode(d);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    private JsonNode integer(JsonParser p, boolean inContainer) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                int i = p.getIntValue();
                if (i == 0 && negativeZero && inContainer && p.getTextCharacters()[p.getTextOffset()] == '-') {
                    return DoubleNode.valueOf(-0.0);
                }
                return NODES.numberNode(i);
            case LONG:
                return NODES.numberNode(p.getLongValue());
            default:
                JsonNode big = NODES.numberNode(p.getBigIntegerValue());
                hugeNumber |= Double.isInfinite(big.doubleValue());
                return big;
        }
    }
}
