package io.github.cni4j.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
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
 * a second token pass for {@code -0}. A {@link TreeFilter} may leave parts out: they are read and checked alike, but
 * no node is made for them.
 *
 * <p>Not thread-safe; one instance per read.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;

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
    static Read read(JsonParser p, boolean negativeZero, TreeFilter filter) throws IOException {
        TreeReader r = new TreeReader(negativeZero);
        JsonToken t = p.currentToken();
        JsonNode tree = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? r.container(p, t, filter)
                : r.scalar(p, t, false);
        return new Read(tree, r.hugeNumber);
    }

    /** Iterative, with an explicit stack, so that the nesting limit, not the thread's stack, bounds the depth. */
    private JsonNode container(JsonParser p, JsonToken first, TreeFilter rootFilter) throws IOException {
        List<ContainerNode<?>> stack = new ArrayList<>(8);
        List<TreeFilter> filters = new ArrayList<>(8);
        ContainerNode<?> root = newContainer(first);
        stack.add(root);
        filters.add(rootFilter);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            ContainerNode<?> node = stack.get(top);
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.remove(top);
                filters.remove(top);
                continue;
            }
            String key = null;
            TreeFilter filter;
            if (node instanceof ObjectNode) {
                key = p.currentName();
                t = p.nextToken();
                filter = filters.get(top).member(key);
            } else {
                filter = filters.get(top).element();
            }
            JsonNode v;
            if (filter == null) {
                skip(p, t);
                continue;
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                ContainerNode<?> child = newContainer(t);
                stack.add(child);
                filters.add(filter);
                v = child;
            } else {
                v = scalar(p, t, true);
            }
            if (node instanceof ObjectNode o) {
                o.replace(key, v);
            } else {
                ((ArrayNode) node).add(v);
            }
        }
        return root;
    }

    private static ContainerNode<?> newContainer(JsonToken t) {
        // Arrays in configs are short: the default capacity of ten would mostly be empty.
        return t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode(4);
    }

    /** Reads past a value that is left out of the tree, checking its numbers as if it were built. */
    private void skip(JsonParser p, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken t = first;
        while (true) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                hugeNumber |= Double.isInfinite(p.getDoubleValue());
            } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                hugeNumber |= Double.isInfinite(p.getBigIntegerValue().doubleValue());
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
            if (t == null) {
                throw new IOException("end of input inside a value");
            }
        }
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
                // A field name or an end token where a value must start: only a caller's misplaced parser.
                throw new JsonParseException(p, "unexpected token " + t + " where a JSON value starts");
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
