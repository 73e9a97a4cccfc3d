package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed fields of one plugin object, decoded as Go decodes JSON into libcni's {@code types.PluginConf}: keys
 * match the struct's fields exactly or, failing that, case-insensitively; {@code null} leaves a field unset; a value
 * of the wrong kind is an error naming the field, the kind found and the type expected; every other key is ignored.
 *
 * @param type {@code type}, {@code ""} when unset
 * @param name {@code name}, {@code null} when unset
 * @param cniVersion {@code cniVersion}, {@code ""} when unset
 * @param capabilities {@code capabilities} in document order
 * @param ipamType {@code ipam.type}, {@code null} when unset
 * @param dns the {@code dns} object, {@code null} when absent or {@code null}
 */
public record PluginFields(String type, String name, String cniVersion, Map<String, Boolean> capabilities,
                           String ipamType, DnsFields dns) {

    /**
     * The decoded {@code dns} object.
     *
     * @param nameservers {@code nameservers}
     * @param domain {@code domain}, {@code ""} when unset
     * @param search {@code search}
     * @param options {@code options}
     */
    public record DnsFields(List<String> nameservers, String domain, List<String> search, List<String> options) {
    }

    private static final String STRUCT = "PluginConf";

    /**
     * Decodes a plugin object (or {@code null}, which decodes to nothing).
     *
     * @param node the value
     * @return the fields; {@code type} may be empty (the caller reports {@code missing 'type'})
     * @throws FieldError for a value of the wrong kind, with a pointer relative to {@code node}
     */
    public static PluginFields decode(JsonNode node) {
        if (node == null || node.isNull()) {
            return new PluginFields("", null, "", Map.of(), null, null);
        }
        if (!node.isObject()) {
            throw new FieldError("json: cannot unmarshal " + JsonInput.kind(node)
                    + " into Go value of type types.PluginConf", "");
        }
        String type = "";
        String name = null;
        String cniVersion = "";
        Map<String, Boolean> caps = null;
        String ipamType = null;
        DnsFields dns = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String ptr = JsonPointers.child("", key);
            switch (field(key)) {
                case "type" -> type = string(v, ptr, "type", type);
                case "name" -> name = string(v, ptr, "name", name);
                case "cniVersion" -> cniVersion = string(v, ptr, "cniVersion", cniVersion);
                case "capabilities" -> caps = capabilities(v, ptr, caps);
                case "ipam" -> ipamType = ipam(v, ptr, ipamType);
                case "dns" -> dns = dns(v, ptr, dns);
                case "prevResult" -> expect(v, ptr, "prevResult", v.isObject(), "map[string]interface {}");
                case "cni.dev/valid-attachments" -> attachments(v, ptr);
                default -> {
                    // Unknown keys belong to the plugin; libcni passes them through untouched.
                }
            }
        }
        return new PluginFields(type, name, cniVersion, caps == null ? Map.of() : Collections.unmodifiableMap(caps),
                ipamType, dns);
    }

    private static final List<String> FIELDS = List.of("cniVersion", "name", "type", "capabilities", "ipam", "dns",
            "prevResult", "cni.dev/valid-attachments");

    /** Go prefers the exact field name and falls back to a case-insensitive match. */
    private static String field(String key) {
        for (String f : FIELDS) {
            if (f.equals(key)) {
                return f;
            }
        }
        for (String f : FIELDS) {
            if (f.equalsIgnoreCase(key)) {
                return f;
            }
        }
        return "";
    }

    private static void expect(JsonNode v, String ptr, String field, boolean ok, String goType) {
        if (!ok && !v.isNull()) {
            throw new FieldError("json: cannot unmarshal " + JsonInput.kind(v) + " into Go struct field " + STRUCT
                    + "." + field + " of type " + goType, ptr);
        }
    }

    private static String string(JsonNode v, String ptr, String field, String previous) {
        expect(v, ptr, field, v.isTextual(), "string");
        return v.isNull() ? previous : v.textValue();
    }

    private static Map<String, Boolean> capabilities(JsonNode v, String ptr, Map<String, Boolean> previous) {
        expect(v, ptr, "capabilities", v.isObject(), "map[string]bool");
        if (v.isNull()) {
            return previous;
        }
        Map<String, Boolean> caps = previous == null ? new LinkedHashMap<>() : previous;
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = e.getValue();
            expect(b, JsonPointers.child(ptr, e.getKey()), "capabilities", b.isBoolean(), "bool");
            caps.put(e.getKey(), b.isBoolean() && b.booleanValue());
        }
        return caps;
    }

    private static String ipam(JsonNode v, String ptr, String previous) {
        expect(v, ptr, "ipam", v.isObject(), "types.IPAM (an object)");
        if (v.isNull()) {
            return previous;
        }
        String type = previous;
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("type".equalsIgnoreCase(e.getKey())) {
                type = string(e.getValue(), JsonPointers.child(ptr, e.getKey()), "ipam.type", type);
            }
        }
        return type;
    }

    private static DnsFields dns(JsonNode v, String ptr, DnsFields previous) {
        expect(v, ptr, "dns", v.isObject(), "types.DNS (an object)");
        if (v.isNull()) {
            return previous;
        }
        DnsFields d = previous == null ? new DnsFields(List.of(), "", List.of(), List.of()) : previous;
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = JsonPointers.child(ptr, e.getKey());
            String k = e.getKey();
            JsonNode x = e.getValue();
            if ("nameservers".equalsIgnoreCase(k)) {
                d = new DnsFields(strings(x, p, "dns.nameservers", d.nameservers()), d.domain(), d.search(),
                        d.options());
            } else if ("domain".equalsIgnoreCase(k)) {
                d = new DnsFields(d.nameservers(), string(x, p, "dns.domain", d.domain()), d.search(), d.options());
            } else if ("search".equalsIgnoreCase(k)) {
                d = new DnsFields(d.nameservers(), d.domain(), strings(x, p, "dns.search", d.search()), d.options());
            } else if ("options".equalsIgnoreCase(k)) {
                d = new DnsFields(d.nameservers(), d.domain(), d.search(), strings(x, p, "dns.options", d.options()));
            }
        }
        return d;
    }

    private static List<String> strings(JsonNode v, String ptr, String field, List<String> previous) {
        expect(v, ptr, field, v.isArray(), "[]string");
        if (v.isNull()) {
            return previous;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            expect(s, JsonPointers.child(ptr, i), field, s.isTextual(), "string");
            out.add(s.isTextual() ? s.textValue() : "");
        }
        return List.copyOf(out);
    }

    private static void attachments(JsonNode v, String ptr) {
        String field = "cni.dev/valid-attachments";
        expect(v, ptr, field, v.isArray(), "[]types.GCAttachment");
        for (int i = 0; v.isArray() && i < v.size(); i++) {
            JsonNode a = v.get(i);
            String p = JsonPointers.child(ptr, i);
            expect(a, p, field, a.isObject(), "types.GCAttachment (an object)");
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if ("containerID".equalsIgnoreCase(k) || "ifname".equalsIgnoreCase(k)) {
                    string(e.getValue(), JsonPointers.child(p, k), field + "." + k, "");
                }
            }
        }
    }
}
