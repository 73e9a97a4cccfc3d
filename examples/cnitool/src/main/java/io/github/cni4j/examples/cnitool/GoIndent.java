package io.github.cni4j.examples.cnitool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Re-indents compact JSON the way Go's {@code json.MarshalIndent(v, "", "    ")} prints it (cnitool's output),
 * keeping the key order of the input bytes and Go's HTML-safe escaping.
 */
final class GoIndent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GoIndent() {
    }

    static String indent(byte[] compactJson) {
        try {
            StringBuilder sb = new StringBuilder();
            write(sb, MAPPER.readTree(compactJson), "");
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(StringBuilder sb, JsonNode node, String indent) {
        String inner = indent + "    ";
        if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(inner);
                string(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), inner);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                sb.append(inner);
                write(sb, node.get(i), inner);
                sb.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (node.isTextual()) {
            string(sb, node.textValue());
        } else {
            sb.append(node.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
