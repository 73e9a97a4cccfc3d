package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Indented JSON as Go's {@code json.MarshalIndent(v, "", "  ")} prints it, keys in the tree's own order. */
final class GoIndent {

    private GoIndent() {
    }

    static byte[] encode(JsonNode node) {
        StringBuilder sb = new StringBuilder(512);
        write(sb, node, 0);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder sb, JsonNode node, int depth) {
        if (node.isObject() && !node.isEmpty()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                newline(sb, depth + 1);
                GoJson.appendString(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(sb, depth);
            sb.append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(sb, depth + 1);
                write(sb, node.get(i), depth + 1);
                if (i < node.size() - 1) {
                    sb.append(',');
                }
            }
            newline(sb, depth);
            sb.append(']');
        } else {
            GoJson.write(sb, node);
        }
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        sb.append("  ".repeat(depth));
    }
}
