package io.github.cni4j.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed configs' field tables and the committed JSON Schema (schema/cni-config.schema.json) describe the same
 * keys with the same JSON types, so a field added to one and forgotten in the other fails here.
 */
class PluginSchemaAgreementTest {

    /** Keys every plugin config has, described once in the schema's common {@code plugin} properties. */
    private static final List<String> COMMON = List.of("type", "name", "capabilities");

    /**
     * Keys the schema describes that the typed config does not model (it keeps them as unknown keys, unchecked):
     * newer plugins' keys. Each entry is a known gap, listed so a new one cannot slip in unnoticed.
     */
    private static final Map<String, List<String>> SCHEMA_ONLY = Map.of(
            "sbr", List.of("addSourceHints"),
            "dhcp", List.of("priority"));

    static Stream<Arguments> typedConfigs() {
        return Stream.of(
                Arguments.of("plugin", "bridge", SpecCodec.kinds(Bridge.class)),
                Arguments.of("plugin", "ptp", SpecCodec.kinds(Ptp.class)),
                Arguments.of("plugin", "macvlan", SpecCodec.kinds(Macvlan.class)),
                Arguments.of("plugin", "ipvlan", SpecCodec.kinds(Ipvlan.class)),
                Arguments.of("plugin", "vlan", SpecCodec.kinds(Vlan.class)),
                Arguments.of("plugin", "host-device", SpecCodec.kinds(HostDevice.class)),
                Arguments.of("plugin", "loopback", SpecCodec.kinds(Loopback.class)),
                Arguments.of("plugin", "portmap", SpecCodec.kinds(Portmap.class)),
                Arguments.of("plugin", "firewall", SpecCodec.kinds(Firewall.class)),
                Arguments.of("plugin", "tuning", SpecCodec.kinds(Tuning.class)),
                Arguments.of("plugin", "bandwidth", SpecCodec.kinds(Bandwidth.class)),
                Arguments.of("plugin", "sbr", SpecCodec.kinds(Sbr.class)),
                Arguments.of("ipam", "host-local", SpecCodec.kinds(HostLocal.class)),
                Arguments.of("ipam", "static", SpecCodec.kinds(StaticIpam.class)),
                Arguments.of("ipam", "dhcp", SpecCodec.kinds(Dhcp.class)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("typedConfigs")
    void typedFieldsAndSchemaPropertiesAgree(String def, String type, Map<String, Fields.Kind> declared)
            throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("schema/cni-config.schema.json")));
        JsonNode defs = schema.get("$defs");
        JsonNode common = defs.get(def).get("properties");
        JsonNode branch = branch(defs.get(def), type);
        Map<String, String> typed = new TreeMap<>();
        declared.forEach((k, kind) -> {
            if (!COMMON.contains(k)) {
                typed.put(k, kind.name());
            }
        });
        Map<String, String> described = new TreeMap<>();
        typed.keySet().forEach(k -> {
            JsonNode p = branch.path("properties").has(k) ? branch.get("properties").get(k) : common.get(k);
            if (p != null) {
                described.put(k, kindOf(resolve(defs, p)));
            }
        });
        branch.path("properties").fieldNames().forEachRemaining(k -> {
            if (!SCHEMA_ONLY.getOrDefault(type, List.of()).contains(k)) {
                described.putIfAbsent(k, "undeclared");
            }
        });
        SCHEMA_ONLY.getOrDefault(type, List.of()).forEach(k -> assertThat(branch.at("/properties/" + k).isMissingNode())
                .as("%s: %s is listed as schema-only but the schema no longer has it", type, k).isFalse());
        assertThat(described).as("schema properties of %s vs its typed config's fields", type).isEqualTo(typed);
    }

    private static JsonNode branch(JsonNode def, String type) {
        for (JsonNode b : def.get("allOf")) {
            if (type.equals(b.at("/if/properties/type/const").asText())) {
                return b.get("then");
            }
        }
        throw new AssertionError("the schema has no branch for type " + type);
    }

    private static JsonNode resolve(JsonNode defs, JsonNode p) {
        JsonNode n = p;
        while (n.has("$ref")) {
            n = defs.get(n.get("$ref").asText().substring("#/$defs/".length()));
        }
        return n;
    }

    /** The {@link Fields.Kind} a schema property's JSON type corresponds to. */
    private static String kindOf(JsonNode p) {
        if (p.has("anyOf")) {
            List<String> kinds = new ArrayList<>();
            p.get("anyOf").forEach(a -> kinds.add(kindOf(a)));
            return kinds.contains("BOOL") ? "BOOL" : String.join("|", kinds);
        }
        return switch (p.path("type").asText()) {
            case "string" -> "STRING";
            case "boolean" -> "BOOL";
            case "integer" -> "INT";
            case "object" -> "OBJECT";
            case "array" -> "string".equals(p.at("/items/type").asText()) ? "STRINGS" : "ARRAY";
            default -> "untyped " + p;
        };
    }
}
