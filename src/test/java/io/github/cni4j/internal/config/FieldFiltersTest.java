package io.github.cni4j.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.JsonInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The part of a list that {@link ListFields#FILTER} builds decodes exactly as the whole tree does: the same fields, or
 * the same error (message and pointer), for seeded random lists full of case variants, duplicates and wrong kinds.
 */
class FieldFiltersTest {

    private static final long SEED = 0xf17e5L;
    private static final String[] KEYS = {"type", "Type", "TYPE", "name", "cniVersion", "cniversion", "capabilities",
        "Capabilities", "ipam", "IPAM", "dns", "DNS", "prevResult", "prevresult", "cni.dev/valid-attachments",
        "bridge", "mtu", "isGateway"};
    private static final String[] INNER = {"type", "Type", "subnet", "nameservers", "Search", "domain", "options",
        "portMappings", "containerID", "ifname", "x"};

    @Test
    void thePartDecodesAsTheWholeTree() {
        Random r = new Random(SEED);
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] text = list(r).getBytes(StandardCharsets.UTF_8);
            JsonNode whole = JsonInput.read(text);
            JsonNode part = JsonInput.readPart(text, ListFields.FILTER);
            Object expected = decode(whole);
            assertThat(decode(part)).as(new String(text, StandardCharsets.UTF_8)).isEqualTo(expected);
            errors += expected.toString().contains("error ") ? 1 : 0;
        }
        // The generator must reach both outcomes, or the comparison proves little.
        assertThat(errors).isBetween(300, 2700);
    }

    /** Every field the decoders produce, or the error they throw, as one comparable value. */
    private static Object decode(JsonNode doc) {
        Throwable t = catchThrowable(() -> ListFields.decode(doc));
        if (t != null) {
            return "error " + t.getMessage() + " at " + ((FieldError) t).pointer();
        }
        ListFields f = ListFields.decode(doc);
        List<Object> out = new ArrayList<>(List.of(f.name(), f.cniVersion(), f.cniVersions(), f.disableCheck(),
                f.disableGC(), f.loadOnlyInlinedPlugins()));
        for (int i = 0; f.plugins() != null && i < f.plugins().size(); i++) {
            JsonNode entry = f.plugins().get(i);
            Throwable e = catchThrowable(() -> PluginFields.decode(entry, true));
            out.add(e == null ? PluginFields.decode(entry, true)
                    : "error " + e.getMessage() + " at " + ((FieldError) e).pointer());
        }
        return out;
    }

    private static String list(Random r) {
        StringBuilder sb = new StringBuilder("{\"name\":\"n\",\"cniVersion\":\"1.0.0\",");
        if (r.nextInt(10) == 0) {
            sb.append("\"disableCheck\":").append(r.nextBoolean() ? "\"TRUE\"," : "3,");
        }
        sb.append("\"other\":{\"plugins\":[1]},\"plugins\":[");
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            sb.append(r.nextInt(30) == 0 ? "[]" : plugin(r)).append(i > 1 ? "," : "");
        }
        return sb.append("]}").toString();
    }

    private static String plugin(Random r) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            String key = KEYS[r.nextInt(KEYS.length)];
            sb.append('"').append(key).append("\":").append(value(r, key.toLowerCase(), 0)).append(i > 1 ? "," : "");
        }
        return sb.append('}').toString();
    }

    /** Mostly a value of the field's kind, sometimes another kind or null. */
    private static String value(Random r, String field, int depth) {
        int odd = r.nextInt(8);
        if (odd == 0) {
            return "null";
        }
        if (odd == 1 || depth > 2) {
            return new String[] {"1", "-0", "\"s\"", "true", "[\"a\"]", "{}"}[r.nextInt(6)];
        }
        return switch (field) {
            case "type", "name", "cniversion", "bridge" -> "\"" + field + r.nextInt(3) + "\"";
            case "capabilities" -> object(r, "bool", depth);
            case "ipam", "dns", "prevresult", "x" -> object(r, "any", depth);
            case "cni.dev/valid-attachments" -> "[" + object(r, "any", depth) + "," + object(r, "any", depth) + "]";
            case "nameservers", "search", "options" -> r.nextBoolean() ? "[\"a\",\"b\"]" : "[\"a\",2]";
            case "bool" -> r.nextBoolean() ? "true" : "false";
            default -> "\"v\"";
        };
    }

    private static String object(Random r, String kind, int depth) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = r.nextInt(4); i > 0; i--) {
            String key = INNER[r.nextInt(INNER.length)];
            String v = kind.equals("bool") ? value(r, "bool", depth + 1) : value(r, key.toLowerCase(), depth + 1);
            sb.append('"').append(key).append("\":").append(v).append(i > 1 ? "," : "");
        }
        return sb.append('}').toString();
    }
}
