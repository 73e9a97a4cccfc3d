package io.github.cni4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkConfigListTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static NetworkConfigList parse(String json) {
        return NetworkConfigList.fromBytes(utf8(json));
    }

    private static ConfigException error(String json) {
        return catchThrowableOfType(ConfigException.class, () -> NetworkConfigList.fromBytes(utf8(json), "test.conflist"));
    }

    private static String list(String extra) {
        return "{\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"}]" + extra + "}";
    }

    @Test
    void missingNameIsReportedAtTheDocument() {
        ConfigException e = error("{\n  \"plugins\": []\n}");
        assertThat(e.msg()).isEqualTo("error parsing configuration list: no name");
        assertThat(e.code()).isEqualTo(7);
        assertThat(e.source()).isEqualTo("test.conflist");
        assertThat(e.line()).contains(1);
        assertThat(e.column()).contains(1);
        assertThat(e.jsonPointer()).contains("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1 | float64", "true | bool", "[] | []interface {}",
        "{} | map[string]interface {}", "null | <nil>"})
    void nonStringNameNamesGoType(String value, String goType) {
        ConfigException e = error("{\"name\": " + value + "}");
        assertThat(e.msg()).isEqualTo("error parsing configuration list: invalid name type " + goType);
        assertThat(e.jsonPointer()).contains("/name");
        assertThat(e.column()).contains(10);
    }

    @Test
    void nonStringCniVersionIsRefused() {
        assertThat(error(list(",\"cniVersion\":1.0")).msg())
                .isEqualTo("error parsing configuration list: invalid cniVersion type float64");
    }

    @Test
    void absentCniVersionIsEmptyAndUnparsedWithoutCniVersions() {
        assertThat(parse(list("")).cniVersion()).isEmpty();
        assertThat(parse(list(",\"cniVersion\":\"not-a-version\"")).cniVersion()).isEqualTo("not-a-version");
    }

    @Test
    void cniVersionsPicksTheHighestSupportedVersion() {
        NetworkConfigList l = parse(list(",\"cniVersion\":\"0.4.0\",\"cniVersions\":[\"1.0.0\",\"9.9.9\",\"0.3.1\"]"));
        assertThat(l.cniVersion()).isEqualTo("1.0.0");
        assertThat(l.cniVersions()).containsExactly("1.0.0", "9.9.9", "0.3.1");
    }

    @Test
    void cniVersionJoinsTheCandidatesWhenSupported() {
        assertThat(parse(list(",\"cniVersion\":\"1.1.0\",\"cniVersions\":[\"1.0.0\"]")).cniVersion())
                .isEqualTo("1.1.0");
        assertThat(parse(list(",\"cniVersion\":\"2.0.0\",\"cniVersions\":[\"0.4.0\"]")).cniVersion())
                .isEqualTo("0.4.0");
    }

    @Test
    void emptyCandidatePoolKeepsCniVersion() {
        assertThat(parse(list(",\"cniVersion\":\"3.0.0\",\"cniVersions\":[\"2.0.0\"]")).cniVersion())
                .isEqualTo("3.0.0");
        assertThat(parse(list(",\"cniVersions\":[]")).cniVersion()).isEmpty();
    }

    @Test
    void cniVersionsMustBeAnArrayOfParsableStrings() {
        assertThat(error(list(",\"cniVersions\":\"1.0.0\"")).msg())
                .isEqualTo("error parsing configuration list: invalid type for cniVersions: []interface {}");
        ConfigException entryType = error(list(",\"cniVersions\":[\"1.0.0\",1]"));
        assertThat(entryType.msg())
                .isEqualTo("error parsing configuration list: invalid type for cniVersions index 1: float64");
        assertThat(entryType.jsonPointer()).contains("/cniVersions/1");
        assertThat(error(list(",\"cniVersions\":[\"1.x\"]")).msg()).isEqualTo("error parsing configuration list: "
                + "invalid cniVersions entry 1.x at index 0: failed to convert minor version part \"x\": "
                + "strconv.Atoi: parsing \"x\": invalid syntax");
        assertThat(error(list(",\"cniVersion\":\"1.2.3.4\",\"cniVersions\":[\"1.0.0\"]")).msg())
                .isEqualTo("error parsing configuration list: invalid cniVersion 1.2.3.4: "
                        + "invalid version \"1.2.3.4\": too many parts");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "'\"TRUE\"', true", "'\"False\"', false"})
    void flagsAcceptBooleansAndBooleanStringsInAnyCase(String value, boolean expected) {
        NetworkConfigList l = parse(list(",\"disableCheck\":" + value + ",\"disableGC\":" + value
                + ",\"loadOnlyInlinedPlugins\":" + value));
        assertThat(l.disableCheck()).isEqualTo(expected);
        assertThat(l.disableGC()).isEqualTo(expected);
        assertThat(l.loadOnlyInlinedPlugins()).isEqualTo(expected);
    }

    @Test
    void flagsDefaultToFalse() {
        NetworkConfigList l = parse(list(""));
        assertThat(l.disableCheck()).isFalse();
        assertThat(l.disableGC()).isFalse();
        assertThat(l.loadOnlyInlinedPlugins()).isFalse();
    }

    @Test
    void badFlagValuesUseLibcniMessages() {
        assertThat(error(list(",\"disableCheck\":\"Yes\"")).msg())
                .isEqualTo("error parsing configuration list: invalid value \"yes\" for disableCheck");
        assertThat(error(list(",\"disableGC\":1")).msg())
                .isEqualTo("error parsing configuration list: invalid type float64 for disableGC");
        ConfigException e = error(list(",\"loadOnlyInlinedPlugins\":null"));
        assertThat(e.msg()).isEqualTo("error parsing configuration list: invalid type <nil> for loadOnlyInlinedPlugins");
        assertThat(e.jsonPointer()).contains("/loadOnlyInlinedPlugins");
    }

    @Test
    void flagValueIsQuotedAsGoQuotes() {
        assertThat(error(list(",\"disableCheck\":\"A\\\"\\tb\"")).msg())
                .isEqualTo("error parsing configuration list: invalid value \"a\\\"\\tb\" for disableCheck");
    }

    @Test
    void absentPluginsGiveAnEmptyListUnlessOnlyInlinedPluginsCount() {
        assertThat(parse("{\"name\":\"n\"}").plugins()).isEmpty();
        assertThat(error("{\"name\":\"n\",\"loadOnlyInlinedPlugins\":true}").msg())
                .isEqualTo("error parsing configuration list: `loadOnlyInlinedPlugins` is true, and no 'plugins' key");
    }

    @Test
    void pluginsMustBeANonEmptyArray() {
        assertThat(error("{\"name\":\"n\",\"plugins\":{}}").msg())
                .isEqualTo("error parsing configuration list: invalid 'plugins' type map[string]interface {}");
        assertThat(error("{\"name\":\"n\",\"plugins\":[]}").msg())
                .isEqualTo("error parsing configuration list: no plugins in list");
        assertThat(error("{\"name\":\"n\",\"plugins\":null}").msg())
                .isEqualTo("error parsing configuration list: invalid 'plugins' type <nil>");
        assertThat(error("{\"name\":\"n\",\"cniVersion\":null}").msg())
                .isEqualTo("error parsing configuration list: invalid cniVersion type <nil>");
    }

    @Test
    void pluginErrorsNameTheIndexAndPointIntoTheList() {
        ConfigException e = error("{\n  \"name\": \"n\",\n  \"plugins\": [\n    {\"type\": \"a\"},\n    {\"type\": 1}\n  ]\n}");
        assertThat(e.msg()).isEqualTo("failed to parse plugin config 1: error parsing configuration: json: cannot "
                + "unmarshal number into Go struct field PluginConf.type of type string");
        assertThat(e.jsonPointer()).contains("/plugins/1/type");
        assertThat(e.line()).contains(5);
        assertThat(e.column()).contains(14);
        assertThat(e.getMessage()).endsWith("; test.conflist:5:14 at /plugins/1/type");
    }

    @Test
    void pluginWithoutTypeIsRefused() {
        ConfigException e = error("{\"name\":\"n\",\"plugins\":[{\"type\":\"a\"},{}]}");
        assertThat(e.msg()).isEqualTo("failed to parse plugin config 1: error parsing configuration: missing 'type'");
        assertThat(e.jsonPointer()).contains("/plugins/1");
        assertThat(error("{\"name\":\"n\",\"plugins\":[null]}").msg()).endsWith("missing 'type'");
        assertThat(error("{\"name\":\"n\",\"plugins\":[\"x\"]}").msg()).isEqualTo("failed to parse plugin config 0: "
                + "error parsing configuration: json: cannot unmarshal string into Go value of type types.PluginConf");
    }

    @Test
    void topLevelMustBeAnObject() {
        assertThat(error("[]").msg()).isEqualTo("error parsing configuration list: json: cannot unmarshal array into "
                + "Go value of type map[string]interface {}");
        assertThat(error("null").msg()).isEqualTo("error parsing configuration list: no name");
    }

    @Test
    void malformedJsonIsADecodingFailureWithPosition() {
        ConfigException e = error("{\n  \"name\": \"n\",\n  \"plugins\": [\n}");
        assertThat(e.code()).isEqualTo(6);
        assertThat(e.msg()).startsWith("error parsing configuration list: invalid character '}'");
        assertThat(e.line()).contains(4);
        assertThat(e.column()).contains(1);
        assertThat(e.jsonPointer()).contains("/plugins");
        assertThat(error("").msg()).isEqualTo("error parsing configuration list: unexpected end of JSON input");
    }

    @Test
    void listBytesAreVerbatimAndPluginBytesAreGoReencoded() {
        String text = "{ \"name\" : \"n\",\n \"plugins\": [ {\"x\": \"<y>&z\", \"type\": \"a\", \"n\": 1.50, \"b\": {\"z\":1,\"a\":2}} ] }\n";
        NetworkConfigList l = parse(text);
        assertThat(new String(l.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(new String(l.plugins().get(0).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"b\":{\"a\":2,\"z\":1},\"n\":1.5,\"type\":\"a\",\"x\":\"\\u003cy\\u003e\\u0026z\"}");
    }

    @Test
    void bytesAreDefensiveCopies() {
        byte[] text = utf8(list(""));
        NetworkConfigList l = NetworkConfigList.fromBytes(text);
        text[2] = 'X';
        l.bytes()[0] = 'X';
        assertThat(l.bytes()[0]).isEqualTo((byte) '{');
        assertThat(l.name()).isEqualTo("n");
    }

    @Test
    void duplicateKeysKeepTheLastValue() {
        assertThat(parse("{\"name\":\"a\",\"name\":\"b\"}").name()).isEqualTo("b");
    }

    @Test
    void unknownTopLevelFieldsAreKept() {
        NetworkConfigList l = parse("{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"nerdctlID\":\"abc\","
                + "\"nerdctlLabels\":{\"b\":\"2\",\"a\":\"1\"},\"plugins\":[{\"type\":\"a\"}]}");
        assertThat(l.fieldNames()).containsExactly("cniVersion", "name", "nerdctlID", "nerdctlLabels", "plugins");
        assertThat(l.rawField("nerdctlID")).contains("\"abc\"");
        assertThat(l.rawField("nerdctlLabels")).contains("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(l.rawField("missing")).isEmpty();
        assertThat(l.file()).isEmpty();
    }

    @Test
    void equalityIsOnJsonValuesNotFormatting() {
        NetworkConfigList a = parse("{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"mtu\":1500}]}");
        NetworkConfigList b = parse("{ \"plugins\" : [ {\"mtu\": 1500.0, \"type\":\"a\"} ], \"name\": \"n\" }");
        NetworkConfigList c = parse("{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"mtu\":1400}]}");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void ofUpconvertsASingleConfigAsLibcniDoes() {
        PluginConfig conf = PluginConfig.fromBytes(utf8("{\"cniVersion\":\"0.3.1\",\"name\":\"mynet\",\"type\":\"bridge\","
                + "\"bridge\":\"cni0\",\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.1.0.0/16\"}}"));
        NetworkConfigList l = NetworkConfigList.of(conf);
        assertThat(new String(l.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"0.3.1\",\"name\":"
                + "\"mynet\",\"plugins\":[{\"bridge\":\"cni0\",\"cniVersion\":\"0.3.1\",\"ipam\":{\"subnet\":"
                + "\"10.1.0.0/16\",\"type\":\"host-local\"},\"name\":\"mynet\",\"type\":\"bridge\"}]}");
        assertThat(l.name()).isEqualTo("mynet");
        assertThat(l.cniVersion()).isEqualTo("0.3.1");
        assertThat(l.plugins()).containsExactly(conf);
    }

    @Test
    void ofWritesAnEmptyVersionWhenTheConfigHasNone() {
        NetworkConfigList l = NetworkConfigList.of(PluginConfig.fromBytes(utf8("{\"name\":\"x\",\"type\":\"a\"}")));
        assertThat(new String(l.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"cniVersion\":\"\",\"name\":\"x\",\"plugins\":[{\"name\":\"x\",\"type\":\"a\"}]}");
        assertThat(l.cniVersion()).isEmpty();
    }

    @Test
    void pluginsAreInDocumentOrder() {
        NetworkConfigList l = parse("{\"name\":\"n\",\"plugins\":[{\"type\":\"b\"},{\"type\":\"a\"},{\"type\":\"c\"}]}");
        assertThat(l.plugins()).extracting(PluginConfig::type).isEqualTo(List.of("b", "a", "c"));
    }

    @Test
    void listEntriesAreDecodedInSortedKeyOrderAsLibcniDecodesTheirReencodedBytes() {
        // libcni re-encodes each entry (keys sorted) before decoding it: "TYPE" < "Type" < "type".
        assertThat(parse("{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"TYPE\":\"x\"}]}").plugins().get(0).type())
                .isEqualTo("t");
        assertThat(error("{\"name\":\"n\",\"plugins\":[{\"type\":[],\"name\":{}}]}").msg())
                .endsWith("Go struct field PluginConf.name of type string");
        // A single config is decoded as written: the document order decides.
        assertThat(PluginConfig.fromBytes(utf8("{\"type\":\"t\",\"TYPE\":\"x\"}")).type()).isEqualTo("x");
    }
}
