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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConfigPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PLUGIN_KEYS = Set.of("type", "name", "cniversion", "capabilities", "ipam",
            "dns", "prevresult", "cni.dev/valid-attachments");
    private static final Set<String> LIST_KEYS = Set.of("name", "cniVersion", "cniVersions", "disableCheck",
            "disableGC", "loadOnlyInlinedPlugins", "plugins");

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(6)
                        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                Arbitraries.of("<y>&z", "\u2028", "\n\t\"\\", "\u00e9\ud83d\ude00", ""));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                strings().map(NODES::textNode),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
    }

    private static Arbitrary<JsonNode> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<JsonNode> array = values(depth - 1).list().ofMaxSize(3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(strings(), values(depth - 1)).ofMaxSize(3).map(m -> {
            ObjectNode o = NODES.objectNode();
            m.forEach(o::set);
            return o;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(1, object));
    }

    private static Arbitrary<ObjectNode> plugins() {
        Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(
                strings().filter(k -> !PLUGIN_KEYS.contains(k.toLowerCase(java.util.Locale.ROOT))), values(2))
                .ofMaxSize(4);
        Arbitrary<Map<String, Boolean>> caps = Arbitraries.maps(
                Arbitraries.of("portMappings", "mac", "ips", "bandwidth"), Arbitraries.of(true, false)).ofMaxSize(3);
        return Combinators.combine(strings().filter(s -> !s.isEmpty()), extra, caps).as((type, fields, c) -> {
            ObjectNode o = NODES.objectNode();
            o.put("type", type);
            fields.forEach(o::set);
            if (!c.isEmpty()) {
                ObjectNode cn = o.putObject("capabilities");
                c.forEach(cn::put);
            }
            return o;
        });
    }

    @Provide
    Arbitrary<ObjectNode> lists() {
        Arbitrary<String> versions = Arbitraries.of("", "0.3.1", "0.4.0", "1.0.0", "1.1.0");
        Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(
                strings().filter(k -> !LIST_KEYS.contains(k)), values(2)).ofMaxSize(3);
        return Combinators.combine(strings(), versions, Arbitraries.of(true, false), Arbitraries.of(true, false),
                plugins().list().ofMinSize(1).ofMaxSize(4), extra).as((name, version, check, gc, ps, fields) -> {
                    ObjectNode o = NODES.objectNode();
                    o.put("cniVersion", version);
                    o.put("name", name);
                    o.put("disableCheck", check);
                    o.put("disableGC", gc ? "TRUE" : "false");
                    ps.forEach(o.putArray("plugins")::add);
                    fields.forEach(o::set);
                    return o;
                });
    }

    private static String encode(JsonNode n) {
        return new String(GoJson.encode(n), StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void generatedListsRoundTripWithEveryField(@ForAll("lists") ObjectNode doc) throws Exception {
        byte[] pretty = io.github.cni4j.internal.json.JsonTrees.MAPPER.writerWithDefaultPrettyPrinter()
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

    @Property(tries = 500)
    void arbitraryBytesGiveAListOrAPositionedConfigException(@ForAll byte[] bytes) {
        assertOnlyConfigExceptions(bytes);
    }

    @Property(tries = 500)
    void arbitraryTextGivesAListOrAPositionedConfigException(@ForAll("jsonish") String text) {
        assertOnlyConfigExceptions(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,\\ \n\tatrufelsn0123456789.eE+-/\u00e9").ofMaxLength(60);
    }

    @Property(tries = 500)
    void mutatedValidListsGiveAListOrAPositionedConfigException(@ForAll("lists") ObjectNode doc,
            @ForAll("edits") List<int[]> edits) throws Exception {
        StringBuilder text = new StringBuilder(io.github.cni4j.internal.json.JsonTrees.MAPPER
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

    @Provide
    Arbitrary<List<int[]>> edits() {
        return Arbitraries.integers().array(int[].class).ofSize(3).list().ofMinSize(1).ofMaxSize(4);
    }

    private static void assertOnlyConfigExceptions(byte[] bytes) {
        for (Runnable parse : List.<Runnable>of(
                () -> NetworkConfigList.fromBytes(bytes, "src"),
                () -> NetworkConfig.fromBytes(bytes, "src"),
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

    @Property(tries = 300)
    void stdinBytesAreGoCanonicalAndInjectOnlyEnabledSuppliedCapabilities(@ForAll("lists") ObjectNode doc,
            @ForAll("capabilityArgs") ObjectNode capArgs) {
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

    @Provide
    Arbitrary<ObjectNode> capabilityArgs() {
        return Arbitraries.maps(Arbitraries.of("portMappings", "mac", "ips", "bandwidth", "other"), values(2))
                .ofMaxSize(4).map(m -> {
                    ObjectNode o = NODES.objectNode();
                    m.forEach(o::set);
                    return o;
                });
    }
}
