package io.github.cni4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

class ConfigPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PLUGIN_KEYS = Set.of("type", "name", "cniversion", "capabilities", "ipam",
            "dns", "prevresult", "cni.dev/valid-attachments");
    private static final Set<String> LIST_KEYS = Set.of("name", "cniVersion", "cniVersions", "disableCheck",
            "disableGC", "loadOnlyInlinedPlugins", "plugins");

    private static Gen<String> strings() {
        return Gen.oneOf(
                Gen.strings(Gen.oneOf(Gen.alphanumeric(), Gen.chars("-_.")), 0, 8),
                Gen.strings(Gen.chars('\u0000', '\uffff'), 0, 6)
                        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                Gen.of("<y>&z", "\u2028", "\n\t\"\\", "\u00e9\ud83d\ude00", ""));
    }

    private static Gen<JsonNode> scalars() {
        return Gen.oneOf(
                strings().map(NODES::textNode),
                Gen.ints().map(i -> (JsonNode) NODES.numberNode(i)),
                Gen.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Gen.booleans().map(b -> (JsonNode) NODES.booleanNode(b)),
                Gen.just(NODES.nullNode()));
    }

    private static Gen<JsonNode> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Gen<JsonNode> array = values(depth - 1).list(0, 3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Gen<JsonNode> object = Gen.maps(strings(), values(depth - 1), 3).map(m -> {
            ObjectNode o = NODES.objectNode();
            m.forEach(o::set);
            return o;
        });
        // scalars three times as often as arrays or objects
        return Gen.oneOf(scalars(), scalars(), scalars(), array, object);
    }

    private static Gen<ObjectNode> plugins() {
        Gen<Map<String, JsonNode>> extra = Gen.maps(
                strings().filter(k -> !PLUGIN_KEYS.contains(k.toLowerCase(java.util.Locale.ROOT))), values(2), 4);
        Gen<Map<String, Boolean>> caps = Gen.maps(
                Gen.of("portMappings", "mac", "ips", "bandwidth"), Gen.booleans(), 3);
        Gen<String> types = strings().filter(s -> !s.isEmpty());
        return r -> {
            String type = types.next(r);
            Map<String, JsonNode> fields = extra.next(r);
            Map<String, Boolean> c = caps.next(r);
            ObjectNode o = NODES.objectNode();
            o.put("type", type);
            fields.forEach(o::set);
            if (!c.isEmpty()) {
                ObjectNode cn = o.putObject("capabilities");
                c.forEach(cn::put);
            }
            return o;
        };
    }

    static Gen<ObjectNode> lists() {
        Gen<String> names = strings();
        Gen<String> versions = Gen.of("", "0.3.1", "0.4.0", "1.0.0", "1.1.0");
        Gen<Map<String, JsonNode>> extra = Gen.maps(strings().filter(k -> !LIST_KEYS.contains(k)), values(2), 3);
        Gen<List<ObjectNode>> plugins = plugins().list(1, 4);
        return r -> {
                    String name = names.next(r);
                    String version = versions.next(r);
                    boolean check = r.nextBoolean();
                    boolean gc = r.nextBoolean();
                    List<ObjectNode> ps = plugins.next(r);
                    Map<String, JsonNode> fields = extra.next(r);
                    ObjectNode o = NODES.objectNode();
                    o.put("cniVersion", version);
                    o.put("name", name);
                    o.put("disableCheck", check);
                    o.put("disableGC", gc ? "TRUE" : "false");
                    ps.forEach(o.putArray("plugins")::add);
                    fields.forEach(o::set);
                    return o;
                };
    }

    private static String encode(JsonNode n) {
        return new String(GoJson.encode(n), StandardCharsets.UTF_8);
    }

    @Test
    void generatedListsRoundTripWithEveryField() {
        Seeded.forAll(300, lists(), ConfigPropertiesTest::roundTripsWithEveryField);
    }

    private static void roundTripsWithEveryField(ObjectNode doc) throws Exception {
        byte[] pretty = io.github.cni4j.internal.json.JsonTrees.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(doc);
        NetworkConfigList list = NetworkConfigList.fromBytes(pretty);
        assertThat(list.name()).isEqualTo(doc.get("name").textValue());
        assertThat(list.cniVersion()).isEqualTo(doc.get("cniVersion").textValue());
        assertThat(list.disableCheck()).isEqualTo(doc.get("disableCheck").booleanValue());
        assertThat(list.disableGC()).isEqualTo("TRUE".equals(doc.get("disableGC").textValue()));
        assertThat(list.bytes()).isEqualTo(pretty);
        assertThat(list.fieldNames()).containsExactlyElementsOf(() -> doc.fieldNames());
        doc.fieldNames().forEachRemaining(k -> assertThat(list.rawField(k)).contains(encode(doc.get(k))));
        assertThat(list.plugins()).hasSize(doc.get("plugins").size());
        for (int i = 0; i < list.plugins().size(); i++) {
            PluginConfig p = list.plugins().get(i);
            JsonNode expected = doc.get("plugins").get(i);
            assertThat(p.type()).isEqualTo(expected.get("type").textValue());
            assertThat(new String(p.bytes(), StandardCharsets.UTF_8)).isEqualTo(encode(expected));
            assertThat(PluginConfig.fromBytes(p.bytes())).isEqualTo(p);
            expected.fieldNames().forEachRemaining(k -> assertThat(p.rawField(k)).contains(encode(expected.get(k))));
        }
        assertThat(NetworkConfigList.fromBytes(list.bytes())).isEqualTo(list);
        assertThat(NetworkConfigList.fromBytes(GoJson.encode(doc))).isEqualTo(list);
    }

    @Test
    void arbitraryBytesGiveAListOrAPositionedConfigException() {
        Seeded.forAll(500, Gen.bytes(0, 255), ConfigPropertiesTest::assertOnlyConfigExceptions);
    }

    @Test
    void arbitraryTextGivesAListOrAPositionedConfigException() {
        Seeded.forAll(500, jsonish(), text -> assertOnlyConfigExceptions(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Gen<String> jsonish() {
        return Gen.strings(Gen.chars("{}[]\":,\\ \n\tatrufelsn0123456789.eE+-/\u00e9"), 0, 60);
    }

    @Test
    void mutatedValidListsGiveAListOrAPositionedConfigException() {
        Seeded.forAll(500, lists(), edits(), ConfigPropertiesTest::mutatedGivesAListOrAConfigException);
    }

    private static void mutatedGivesAListOrAConfigException(ObjectNode doc, List<int[]> edits) throws Exception {
        StringBuilder text = new StringBuilder(io.github.cni4j.internal.json.JsonTrees.mapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        String alphabet = "{}[]\":,\\ \nx0-.e";
        for (int[] e : edits) {
            int at = Math.floorMod(e[0], text.length() + 1);
            switch (Math.floorMod(e[1], 3)) {
                case 0 -> text.insert(at, alphabet.charAt(Math.floorMod(e[2], alphabet.length())));
                case 1 -> text.delete(Math.min(at, text.length()), Math.min(at + 1 + Math.floorMod(e[2], 5), text.length()));
                default -> {
                    if (at < text.length()) {
                        text.setCharAt(at, alphabet.charAt(Math.floorMod(e[2], alphabet.length())));
                    }
                }
            }
        }
        assertOnlyConfigExceptions(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Gen<List<int[]>> edits() {
        Gen<Integer> ints = Gen.ints();
        Gen<int[]> edit = r -> new int[] {ints.next(r), ints.next(r), ints.next(r)};
        return edit.list(1, 4);
    }

    private static void assertOnlyConfigExceptions(byte[] bytes) {
        for (Runnable parse : List.<Runnable>of(
                () -> NetworkConfigList.fromBytes(bytes, "src"),
                () -> NetworkConfigList.of(PluginConfig.fromBytes(bytes, "src")),
                () -> PluginConfig.fromBytes(bytes, "src"))) {
            try {
                parse.run();
            } catch (ConfigException e) {
                if (bytes.length > 0) {
                    assertThat(e.line()).as("line of %s for %s", e.getMessage(), new String(bytes,
                            StandardCharsets.UTF_8)).isPresent();
                    assertThat(e.column()).isPresent();
                }
                assertThat(e.msg()).isNotBlank();
            }
        }
    }

    @Test
    void stdinBytesAreGoCanonicalAndInjectOnlyEnabledSuppliedCapabilities() {
        Seeded.forAll(300, lists(), capabilityArgs(), ConfigPropertiesTest::stdinInjectsOnlyEnabledCapabilities);
    }

    private static void stdinInjectsOnlyEnabledCapabilities(ObjectNode doc, ObjectNode capArgs) {
        NetworkConfigList list = NetworkConfigList.fromBytes(GoJson.encode(doc));
        for (PluginConfig p : list.plugins()) {
            byte[] out = io.github.cni4j.internal.config.StdinBytes.forAddCheckDel(p, list.name(), list.cniVersion(),
                    null, capArgs);
            JsonNode sent = io.github.cni4j.internal.json.JsonInput.read(out);
            assertThat(GoJson.encode(sent)).isEqualTo(out);
            assertThat(sent.get("name").textValue()).isEqualTo(list.name());
            assertThat(sent.get("cniVersion").textValue()).isEqualTo(list.cniVersion());
            ObjectNode expectedRc = NODES.objectNode();
            p.capabilities().forEach((cap, on) -> {
                if (on && capArgs.has(cap)) {
                    expectedRc.set(cap, capArgs.get(cap));
                }
            });
            if (expectedRc.isEmpty()) {
                assertThat(sent.has("runtimeConfig")).isFalse();
            } else {
                assertThat(encode(sent.get("runtimeConfig"))).isEqualTo(encode(expectedRc));
            }
        }
    }

    private static Gen<ObjectNode> capabilityArgs() {
        return Gen.maps(Gen.of("portMappings", "mac", "ips", "bandwidth", "other"), values(2), 4).map(m -> {
                    ObjectNode o = NODES.objectNode();
                    m.forEach(o::set);
                    return o;
                });
    }
}
