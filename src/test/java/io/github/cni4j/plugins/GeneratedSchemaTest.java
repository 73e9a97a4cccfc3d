package io.github.cni4j.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The plugin branches of schema/cni-config.schema.json are generated from the declared configs ({@link Key} rules
 * and accessor types); the frame around them ({@code $defs}, the conflist, plugins cni4j does not model, keys listed
 * in {@link PluginSchemaAgreementTest}'s gaps) is written by hand in the same file. Regenerate after changing a
 * declaration with {@code mvn test -Dtest=GeneratedSchemaTest -Dcni4j.schema.update=true}.
 */
class GeneratedSchemaTest {

    private static final Path FILE = Path.of("schema/cni-config.schema.json");

    @Test
    void committedSchemaIsWhatTheDeclarationsGenerate() throws IOException {
        String committed = Files.readString(FILE);
        String generated = generate(Fields.MAPPER.readTree(committed));
        if (Boolean.getBoolean("cni4j.schema.update")) {
            Files.writeString(FILE, generated);
            committed = generated;
        }
        assertThat(committed).as("the plugin declarations changed; review and regenerate %s with "
                + "mvn test -Dtest=GeneratedSchemaTest -Dcni4j.schema.update=true", FILE).isEqualTo(generated);
    }

    @Test
    void theFramesOwnTextRoundTripsThroughThePrinter() throws IOException {
        String committed = Files.readString(FILE);
        assertThat(print(Fields.MAPPER.readTree(committed))).isEqualTo(committed);
    }

    /** The schema with the properties of every declared config's branch replaced by the generated ones. */
    static String generate(JsonNode schema) {
        ObjectNode out = schema.deepCopy();
        for (Class<?> builder : SpecBuilder.class.getPermittedSubclasses()) {
            Class<?> type = SpecCodec.declaring(builder);
            String def = SpecCodec.isIpam(type) ? "ipam" : "plugin";
            JsonNode common = out.at("/$defs/" + def + "/properties");
            for (JsonNode branch : out.at("/$defs/" + def + "/allOf")) {
                if (SpecCodec.pluginType(type).equals(branch.at("/if/properties/type/const").asText())) {
                    ObjectNode then = (ObjectNode) branch.get("then");
                    JsonNode old = then.path("properties");
                    ObjectNode props = Fields.MAPPER.createObjectNode();
                    SpecCodec.attributes(type).stream().filter(a -> !common.has(a.key()))
                            .forEach(a -> props.set(a.key(), property(a)));
                    old.fields().forEachRemaining(e -> {
                        if (SpecCodec.attribute(type, e.getKey()).isEmpty()) {
                            props.set(e.getKey(), e.getValue());     // a known gap: the schema knows it, cni4j not
                        }
                    });
                    ObjectNode rest = then.deepCopy();
                    then.removeAll();
                    then.set("properties", props);
                    rest.fields().forEachRemaining(e -> then.putIfAbsent(e.getKey(), e.getValue()));
                }
            }
        }
        return print(out);
    }

    /** One declared key's schema, from its accessor type and {@link Key} rules. */
    static JsonNode property(SpecCodec.Attr a) {
        Key k = a.rules().orElse(null);
        if (k != null && !k.schema().isEmpty()) {
            return Fields.parseValue(a.key(), k.schema());
        }
        if (k != null && k.ifName()) {
            return Fields.MAPPER.createObjectNode().put("$ref", "#/$defs/ifName");
        }
        ObjectNode p = Fields.MAPPER.createObjectNode();
        switch (a.kind()) {
            case STRING -> p.put("type", "string");
            case BOOL -> p.put("type", "boolean");
            case INT -> p.put("type", "integer");
            case OBJECT -> {
                p.put("type", "object");
                if (a.shape() == SpecCodec.Shape.MAP) {
                    p.putObject("additionalProperties").put("type", "string");
                }
            }
            case ARRAY -> p.put("type", "array");
            case STRINGS -> p.put("type", "array").putObject("items").put("type", "string");
            default -> throw new IllegalStateException(a.kind().name());
        }
        if (k != null && k.oneOf().length > 0) {
            Arrays.stream(k.oneOf()).forEach(p.putArray("enum")::add);
        }
        if (k != null && k.mtu()) {
            p.put("minimum", 68).put("maximum", 65535);
        }
        if (k != null && k.min() != Long.MIN_VALUE) {
            p.put("minimum", k.min());
        }
        if (k != null && k.max() != Long.MAX_VALUE) {
            p.put("maximum", k.max());
        }
        return p;
    }

    static String print(JsonNode schema) {
        return new String(GoIndent.encode(schema), StandardCharsets.UTF_8) + "\n";
    }
}
