package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import io.github.cni4j.result.Dns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One decode of {@link PluginFields}; see there for the rules. */
final class PluginFieldsDecoder {

    private static final String STRUCT = "PluginConf";
    private static final List<String> FIELDS = List.of("cniVersion", "name", "type", "capabilities", "ipam", "dns",
            "prevResult", "cni.dev/valid-attachments");
    private static final List<String> DNS_FIELDS = List.of("nameservers", "domain", "search", "options");

    private final boolean sorted;
    private String type = "";
    private String name;
    private String cniVersion = "";
    private Map<String, Boolean> caps;
    private String ipamType;
    private Dns dns;

    PluginFieldsDecoder(boolean sorted) {
        this.sorted = sorted;
    }

    PluginFields plugin(JsonNode node) {
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new FieldError("json: cannot unmarshal " + JsonInput.kind(node)
                        + " into Go value of type types.PluginConf", "");
            }
            for (Map.Entry<String, JsonNode> e : entries(node)) {
                member(e.getKey(), e.getValue(), JsonPointers.child("", e.getKey()));
            }
        }
        return new PluginFields(type, name, cniVersion, caps == null ? Map.of() : Collections.unmodifiableMap(caps),
                ipamType, dns);
    }

    private void member(String key, JsonNode v, String ptr) {
        switch (field(key)) {
            case "type" -> type = string(v, ptr, "type", type);
            case "name" -> name = string(v, ptr, "name", name);
            case "cniVersion" -> cniVersion = string(v, ptr, "cniVersion", cniVersion);
            case "capabilities" -> capabilities(v, ptr);
            case "ipam" -> ipam(v, ptr);
            case "dns" -> dns(v, ptr);
            case "prevResult" -> expect(v, ptr, "prevResult", v.isObject(), "map[string]interface {}");
            case "cni.dev/valid-attachments" -> attachments(v, ptr);
            default -> {
                // Unknown keys belong to the plugin; libcni passes them through untouched.
            }
        }
    }

    private List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(object.size());
        object.fields().forEachRemaining(list::add);
        if (sorted) {
            list.sort(Map.Entry.comparingByKey(GoJson.KEY_ORDER));
        }
        return list;
    }

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

    private void capabilities(JsonNode v, String ptr) {
        expect(v, ptr, "capabilities", v.isObject(), "map[string]bool");
        if (v.isNull()) {
            return;
        }
        if (caps == null) {
            caps = new LinkedHashMap<>();
        }
        for (Map.Entry<String, JsonNode> e : entries(v)) {
            JsonNode b = e.getValue();
            expect(b, JsonPointers.child(ptr, e.getKey()), "capabilities", b.isBoolean(), "bool");
            caps.put(e.getKey(), b.isBoolean() && b.booleanValue());
        }
    }

    private void ipam(JsonNode v, String ptr) {
        expect(v, ptr, "ipam", v.isObject(), "types.IPAM (an object)");
        for (Map.Entry<String, JsonNode> e : entries(v)) {
            if ("type".equalsIgnoreCase(e.getKey())) {
                ipamType = string(e.getValue(), JsonPointers.child(ptr, e.getKey()), "ipam.type", ipamType);
            }
        }
    }

    private void dns(JsonNode v, String ptr) {
        expect(v, ptr, "dns", v.isObject(), "types.DNS (an object)");
        if (v.isNull()) {
            return;
        }
        Dns.Builder d = Dns.builder();
        if (dns != null) {
            d.from(dns);
        }
        for (Map.Entry<String, JsonNode> e : entries(v)) {
            String p = JsonPointers.child(ptr, e.getKey());
            JsonNode x = e.getValue();
            String f = DNS_FIELDS.stream().filter(e.getKey()::equalsIgnoreCase).findFirst().orElse("");
            List<String> list = f.isEmpty() || f.equals("domain") ? null : strings(x, p, "dns." + f, null);
            switch (f) {
                case "nameservers" -> d.nameservers(list == null ? d.build().nameservers() : list);
                case "domain" -> d.domain(string(x, p, "dns.domain", d.build().domain().orElse("")));
                case "search" -> d.search(list == null ? d.build().search() : list);
                case "options" -> d.options(list == null ? d.build().options() : list);
                default -> {
                    // Go ignores keys that are not fields of types.DNS.
                }
            }
        }
        dns = d.build();
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

    private void attachments(JsonNode v, String ptr) {
        String field = "cni.dev/valid-attachments";
        expect(v, ptr, field, v.isArray(), "[]types.GCAttachment");
        for (int i = 0; v.isArray() && i < v.size(); i++) {
            JsonNode a = v.get(i);
            String p = JsonPointers.child(ptr, i);
            expect(a, p, field, a.isObject(), "types.GCAttachment (an object)");
            for (Map.Entry<String, JsonNode> e : entries(a)) {
                String k = e.getKey();
                if ("containerID".equalsIgnoreCase(k) || "ifname".equalsIgnoreCase(k)) {
                    string(e.getValue(), JsonPointers.child(p, k), field + "." + k, "");
                }
            }
        }
    }
}
