package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import io.github.cni4j.result.Dns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One decode of {@link PluginFields}; see there for the rules.
 *
 * <p>Only members that name a field are visited (Go ignores the others, and so the order of the rest cannot matter),
 * and a JSON pointer is built only when an error leaves a member ({@link FieldError#under}): a clean decode of a
 * plugin with many unknown fields sorts and allocates almost nothing.
 */
final class PluginFieldsDecoder {

    private static final String STRUCT = "PluginConf";
    private static final List<String> FIELDS = List.of("cniVersion", "name", "type", "capabilities", "ipam", "dns",
            "prevResult", "cni.dev/valid-attachments");
    private static final List<String> DNS_FIELDS = List.of("nameservers", "domain", "search", "options");
    private static final List<String> ATTACHMENT_FIELDS = List.of("containerID", "ifname");
    private static final UnaryOperator<String> ANY_KEY = k -> k;

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

    /** A member whose key names a field: the key as written, the field it sets, the value. */
    private record Member(String key, String field, JsonNode value) {
    }

    PluginFields plugin(JsonNode node) {
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new FieldError("json: cannot unmarshal " + JsonInput.kind(node)
                        + " into Go value of type types.PluginConf", "");
            }
            for (Member m : members(node, PluginFieldsDecoder::field)) {
                try {
                    member(m.field(), m.value());
                } catch (FieldError e) {
                    throw e.under(JsonPointers.child("", m.key()));
                }
            }
        }
        return new PluginFields(type, name, cniVersion, caps == null ? Map.of() : Collections.unmodifiableMap(caps),
                ipamType, dns);
    }

    private void member(String field, JsonNode v) {
        switch (field) {
            case "type" -> type = string(v, "type", type);
            case "name" -> name = string(v, "name", name);
            case "cniVersion" -> cniVersion = string(v, "cniVersion", cniVersion);
            case "capabilities" -> capabilities(v);
            case "ipam" -> ipam(v);
            case "dns" -> dns(v);
            case "prevResult" -> expect(v, "prevResult", v.isObject(), "map[string]interface {}");
            default -> attachments(v);
        }
    }

    /**
     * The members of an object whose keys {@code match} maps to a field (non-empty), in the order Go visits them:
     * document order, or sorted by key for a re-encoded list entry.
     */
    private List<Member> members(JsonNode object, UnaryOperator<String> match) {
        List<Member> list = null;
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = match.apply(e.getKey());
            if (!field.isEmpty()) {
                if (list == null) {
                    list = new ArrayList<>(4);
                }
                list.add(new Member(e.getKey(), field, e.getValue()));
            }
        }
        if (list == null) {
            return List.of();
        }
        if (sorted && list.size() > 1) {
            list.sort((a, b) -> GoJson.KEY_ORDER.compare(a.key(), b.key()));
        }
        return list;
    }

    /** Go prefers the exact field name and falls back to a case-insensitive match. */
    static String field(String key) {
        for (String f : FIELDS) {
            if (f.equals(key)) {
                return f;
            }
        }
        return caseInsensitive(FIELDS, key);
    }

    private static String caseInsensitive(List<String> fields, String key) {
        for (String f : fields) {
            if (f.equalsIgnoreCase(key)) {
                return f;
            }
        }
        return "";
    }

    private static void expect(JsonNode v, String field, boolean ok, String goType) {
        if (!ok && !v.isNull()) {
            throw new FieldError("json: cannot unmarshal " + JsonInput.kind(v) + " into Go struct field " + STRUCT
                    + "." + field + " of type " + goType, "");
        }
    }

    private static String string(JsonNode v, String field, String previous) {
        expect(v, field, v.isTextual(), "string");
        return v.isNull() ? previous : v.textValue();
    }

    private void capabilities(JsonNode v) {
        expect(v, "capabilities", v.isObject(), "map[string]bool");
        if (v.isNull()) {
            return;
        }
        if (caps == null) {
            caps = new LinkedHashMap<>();
        }
        for (Member m : members(v, ANY_KEY)) {
            JsonNode b = m.value();
            try {
                expect(b, "capabilities", b.isBoolean(), "bool");
            } catch (FieldError e) {
                throw e.under(JsonPointers.child("", m.key()));
            }
            caps.put(m.key(), b.isBoolean() && b.booleanValue());
        }
    }

    private void ipam(JsonNode v) {
        expect(v, "ipam", v.isObject(), "types.IPAM (an object)");
        for (Member m : members(v, k -> "type".equalsIgnoreCase(k) ? "type" : "")) {
            try {
                ipamType = string(m.value(), "ipam.type", ipamType);
            } catch (FieldError e) {
                throw e.under(JsonPointers.child("", m.key()));
            }
        }
    }

    private void dns(JsonNode v) {
        expect(v, "dns", v.isObject(), "types.DNS (an object)");
        if (v.isNull()) {
            return;
        }
        Dns.Builder d = Dns.builder();
        if (dns != null) {
            d.from(dns);
        }
        for (Member m : members(v, k -> caseInsensitive(DNS_FIELDS, k))) {
            try {
                dnsField(d, m.field(), m.value());
            } catch (FieldError e) {
                throw e.under(JsonPointers.child("", m.key()));
            }
        }
        dns = d.build();
    }

    /** A {@code null} value leaves a list as it was, and sets an unset domain to {@code ""}, as Go does. */
    private static void dnsField(Dns.Builder d, String f, JsonNode x) {
        if (f.equals("domain")) {
            d.domain(string(x, "dns.domain", x.isNull() ? d.build().domain().orElse("") : ""));
            return;
        }
        List<String> list = strings(x, "dns." + f);
        if (list != null) {
            switch (f) {
                case "nameservers" -> d.nameservers(list);
                case "search" -> d.search(list);
                default -> d.options(list);
            }
        }
    }

    /** {@return the strings of an array, or null for a JSON null} */
    private static List<String> strings(JsonNode v, String field) {
        expect(v, field, v.isArray(), "[]string");
        if (v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            try {
                expect(s, field, s.isTextual(), "string");
            } catch (FieldError e) {
                throw e.under(JsonPointers.child("", i));
            }
            out.add(s.isTextual() ? s.textValue() : "");
        }
        return List.copyOf(out);
    }

    private void attachments(JsonNode v) {
        String field = "cni.dev/valid-attachments";
        expect(v, field, v.isArray(), "[]types.GCAttachment");
        for (int i = 0; v.isArray() && i < v.size(); i++) {
            JsonNode a = v.get(i);
            try {
                expect(a, field, a.isObject(), "types.GCAttachment (an object)");
                for (Member m : members(a, k -> caseInsensitive(ATTACHMENT_FIELDS, k))) {
                    try {
                        string(m.value(), field + "." + m.key(), "");
                    } catch (FieldError e) {
                        throw e.under(JsonPointers.child("", m.key()));
                    }
                }
            } catch (FieldError e) {
                throw e.under(JsonPointers.child("", i));
            }
        }
    }
}
