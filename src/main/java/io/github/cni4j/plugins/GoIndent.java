package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Indented JSON as Go's {@code json.MarshalIndent(v, "", "  ")} prints it, keys in the tree's own order. */
final class GoIndent {

    private GoIndent() {
    }

    static byte[] encode(JsonNode node) {
        StringBuilder sb = new StringBuilder(512);
        write(sb, node, 0);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An empty container or a scalar prints compact, as Go prints it; the members of the rest one a line. */
    private static void write(StringBuilder sb, JsonNode node, int depth) {
        if (!node.isContainerNode() || node.isEmpty()) {
            GoJson.write(sb, node);
            return;
        }
        sb.append(node.isObject() ? '{' : '[');
        Iterator<String> keys = node.fieldNames();
        String comma = "";
        for (JsonNode child : node) {
            sb.append(comma).append('\n').append("  ".repeat(depth + 1));
            if (node.isObject()) {
                GoJson.appendString(sb, keys.next());
                sb.append(": ");
            }
            write(sb, child, depth + 1);
            comma = ",";
        }
        sb.append('\n').append("  ".repeat(depth)).append(node.isObject() ? '}' : ']');
    }
}
