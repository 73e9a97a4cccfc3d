package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Parsing rules and error reporting (REFERENCE B.6, B.9). */
class ResultParseTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failsWith(Runnable r, String msg) {
        return assertThatThrownBy(r::run).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).code()).isEqualTo(6))
                .satisfies(e -> assertThat(((ConfigException) e).msg()).isEqualTo(msg));
    }

    @Test
    void parsesA1xResultAndReadsItsParts() {
        Result r = Result.fromBytes(b("{\"cniVersion\":\"1.1.0\",\"interfaces\":[{\"name\":\"eth0\","
                + "\"sandbox\":\"/var/run/netns/c4j-a\",\"mtu\":1500,\"pciID\":\"p\",\"socketPath\":\"s\"}],"
                + "\"ips\":[{\"address\":\"10.1.0.5/16\",\"gateway\":\"10.1.0.1\",\"interface\":0}],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\",\"priority\":5,\"scope\":253}],"
                + "\"dns\":{\"nameservers\":[\"10.1.0.1\"]},\"unknown\":{\"kept\":false}}"));
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V1_1_0);
        Result.Interface eth0 = r.interfaces().get(0);
        assertThat(eth0.name()).isEqualTo("eth0");
        assertThat(eth0.mtu()).isEqualTo(1500);
        assertThat(eth0.pciId()).isEqualTo("p");
        assertThat(eth0.socketPath()).isEqualTo("s");
        IpConfig ip = r.ips().get(0);
        assertThat(ip.address().address().getHostAddress()).isEqualTo("10.1.0.5");
        assertThat(ip.address().prefixLength()).isEqualTo(16);
        assertThat(ip.gateway().map(g -> g.getHostAddress())).contains("10.1.0.1");
        assertThat(ip.interfaceIndex()).contains(0);
        assertThat(r.routes().get(0).scope()).contains(253);
        assertThat(r.routes().get(0).table()).isEmpty();
        assertThat(r.routes().get(0).priority()).isEqualTo(5);
        assertThat(r.dns().orElseThrow().nameservers()).containsExactly("10.1.0.1");
    }

    @Test
    void missingVersionMeans010WithoutFallback() {
        Result r = Result.fromBytes(b("{\"ip4\":{\"ip\":\"10.0.0.2/24\"}}"));
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V0_1_0);
        assertThat(Result.fromBytes(b("null")).cniVersion()).isEqualTo(CniVersion.V0_1_0);
        assertThat(Result.fromBytes(b("{\"kind\":\"other\"}"))).isEqualTo(
                Result.builder().cniVersion(CniVersion.V0_1_0).build());
    }

    @Test
    void missingOrEmptyVersionTakesTheConfigVersion() {
        String ips = "\"ips\":[{\"address\":\"10.0.0.2/24\"}]";
        assertThat(Result.fromBytes(b("{" + ips + "}"), "1.0.0").cniVersion()).isEqualTo(CniVersion.V1_0_0);
        assertThat(Result.fromBytes(b("{\"cniVersion\":\"\"," + ips + "}"), "0.4.0").cniVersion())
                .isEqualTo(CniVersion.V0_4_0);
        assertThat(Result.fromBytes(b("{\"cniVersion\":7," + ips + "}"), "0.3.1").cniVersion())
                .isEqualTo(CniVersion.V0_3_1);
        assertThat(Result.fromBytes(b("{}"), "").cniVersion()).isEqualTo(CniVersion.V0_1_0);
        assertThat(Result.fromBytes(b("null"), "1.1.0")).isEqualTo(Result.builder().build());
    }

    @Test
    void theInjectedVersionIsCheckedAgainstCaseVariantsAsLibcniDoes() {
        // libcni looks up "cniVersion" exactly, injects the config's version and re-marshals (sorting keys), after
        // which Go's case-insensitive decoding lets a later "cniversion" key win
        failsWith(() -> Result.fromBytes(b("{\"cniversion\":\"0.4.0\"}"), "1.0.0"),
                "result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is \"0.4.0\"");
        failsWith(() -> Result.fromBytes(b("{\"cniversion\":\"1.0.0\"}"), "0.4.0"),
                "result type supports [0.3.0 0.3.1 0.4.0] but unmarshalled CNIVersion is \"1.0.0\"");
        Result r = Result.fromBytes(b("{\"CNIVERSION\":\"0.4.0\",\"IPS\":[{\"address\":\"10.0.0.2/24\"}]}"), "0.4.0");
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V0_4_0);
        assertThat(r.ips().get(0).version()).isEmpty();
    }

    @Test
    void theResultVersionWinsOverTheConfigAndIsNotConverted() {
        Result r = Result.fromBytes(b("{\"cniVersion\":\"0.3.1\",\"ips\":[{\"version\":\"4\","
                + "\"address\":\"10.0.0.2/24\"}]}"), "1.0.0");
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V0_3_1);
        assertThat(r.ips().get(0).version()).isEqualTo("4");
    }

    @Test
    void pluginOutputThatIsNotAnObjectFailsAsInLibcni() {
        failsWith(() -> Result.fromBytes(b("[]"), "1.0.0"), "failed to unmarshal raw result: json: cannot "
                + "unmarshal array into Go value of type map[string]interface {}");
        failsWith(() -> Result.fromBytes(b(""), "1.0.0"), "failed to unmarshal raw result: unexpected end of "
                + "JSON input");
        failsWith(() -> Result.fromBytes(b("garbage"), "1.0.0"), "failed to unmarshal raw result: invalid "
                + "character 'g' looking for beginning of value");
        failsWith(() -> Result.fromBytes(b("")), "decoding version from network config: unexpected end of JSON "
                + "input");
    }

    @Test
    void unsupportedVersionsAreRefused() {
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"9.9.9\"}")), "unsupported CNI result version "
                + "\"9.9.9\"");
        failsWith(() -> Result.fromBytes(b("{}"), "1.2.0"), "unsupported CNI result version \"1.2.0\"");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.0\"}"), "1.0.0"),
                "unsupported CNI result version \"1.0\"");
    }

    @Test
    void aTypedParseOfAnotherVersionsJsonIsRefused() {
        failsWith(() -> ResultCodec.create("1.0.0", b("{\"cniVersion\":\"0.4.0\"}")),
                "result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is \"0.4.0\"");
        failsWith(() -> ResultCodec.create("0.4.0", b("{}")),
                "result type supports [0.3.0 0.3.1 0.4.0] but unmarshalled CNIVersion is \"\"");
        failsWith(() -> ResultCodec.create("0.2.0", b("{\"cniVersion\":\"1.1.0\"}")),
                "result type supports [ 0.1.0 0.2.0] but unmarshalled CNIVersion is \"1.1.0\"");
        assertThat(ResultCodec.create("0.2.0", b("{}")).cniVersion()).isEqualTo(CniVersion.V0_1_0);
    }

    @Test
    void errorsCarryLineColumnAndPointer() {
        String json = "{\n  \"cniVersion\": \"1.0.0\",\n  \"ips\": [\n    {\"address\": \"10.0.0.1\"}\n  ]\n}";
        failsWith(() -> Result.fromBytes(b(json)), "invalid CIDR address: 10.0.0.1")
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.line()).contains(4);
                    assertThat(c.column()).contains(17);
                    assertThat(c.jsonPointer()).contains("/ips/0/address");
                    assertThat(c.getMessage()).isEqualTo("invalid CIDR address: 10.0.0.1; line 4:17 at /ips/0/address");
                });
        failsWith(() -> Result.fromBytes(b("{\"ips\":[\n {\"address\":\"bad\"}]}"), "1.0.0"), "invalid CIDR address: bad")
                .satisfies(e -> assertThat(((ConfigException) e).line()).contains(2))
                .satisfies(e -> assertThat(((ConfigException) e).column()).contains(13));
        failsWith(() -> Result.fromBytes(b("{\n\"cniVersion\": \"1.0.0\",\n  x}")),
                "decoding version from network config: invalid character 'x' looking for beginning of object "
                        + "key string")
                .satisfies(e -> assertThat(((ConfigException) e).line()).contains(3))
                .satisfies(e -> assertThat(((ConfigException) e).column()).contains(3));
    }

    @Test
    void keysMatchCaseInsensitivelyAndTheLastOneWins() {
        Result r = Result.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"IPs\":[{\"Address\":\"10.0.0.2/24\"}],"
                + "\"ips\":[{\"address\":\"10.0.0.3/24\"}]}"));
        assertThat(r.ips()).containsExactly(IpConfig.builder().address("10.0.0.3/24").build());
    }

    @Test
    void nullsAndEmptyGatewaysMeanAbsent() {
        Result r = Result.fromBytes(b("{\"cniVersion\":\"0.4.0\",\"interfaces\":null,\"ips\":[{\"version\":\"4\","
                + "\"address\":\"10.0.0.2/24\",\"gateway\":\"\",\"interface\":null}],\"routes\":[{\"dst\":"
                + "\"10.0.0.0/8\",\"gw\":null,\"table\":null}],\"dns\":null}"));
        assertThat(r.ips().get(0).gateway()).isEmpty();
        assertThat(r.ips().get(0).interfaceIndex()).isEmpty();
        assertThat(r.routes().get(0).gw()).isEmpty();
        assertThat(r.routes().get(0).table()).isEmpty();
        assertThat(r.dns()).isEmpty();
    }

    @Test
    void entriesGoWouldKeepEmptyAreRefused() {
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"ips\":[{}]}")), "missing field address")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPointer()).contains("/ips/0"));
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"routes\":[{\"gw\":\"1.1.1.1\"}]}")),
                "missing field dst");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"0.2.0\",\"ip6\":{}}")), "missing field ip");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"ips\":[null]}")),
                "json: null entry in Result.ips; expected an object");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"interfaces\":[null]}")),
                "json: null entry in Result.interfaces; expected an object");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.0.0.2/8\","
                + "\"routes\":[{\"dst\":\"::/0\"}]}}")),
                "route ::/0 does not belong in ip4; cni4j keeps 0.1.0/0.2.0 routes with the address of their family");
    }

    @Test
    void routeFieldsOf11AreTypeChecked() {
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.1.0\",\"routes\":[{\"dst\":\"10.0.0.0/8\","
                + "\"mtu\":\"x\"}]}")), "json: cannot unmarshal string into Go struct field Result.routes of type int");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.1.0\",\"interfaces\":[{\"mtu\":1.50}]}")),
                "json: cannot unmarshal number 1.50 into Go struct field Interface.interfaces.mtu of type int");
        failsWith(() -> Result.fromBytes(b("{\"cniVersion\":\"1.1.0\",\"routes\":[{\"dst\":\"::/0\",\"table\":3e0}]}")),
                "json: cannot unmarshal number 3e0 into Go struct field Result.routes of type int");
    }

    @Test
    void invalidUtf8InStringsBecomesTheReplacementCharacterAsInGo() {
        byte[] json = b("{\"cniVersion\":\"1.0.0\",\"dns\":{\"domain\":\"a?b\"}}");
        json[json.length - 5] = (byte) 0xE9;
        assertThat(Result.fromBytes(json).dns().orElseThrow().domain()).contains("a\ufffdb");
        failsWith(() -> Result.fromBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}),
                "decoding version from network config: invalid character '\u00ef' looking for beginning of value");
    }

    @Test
    void hostileNestingIsAConfigException() {
        String deep = "{\"cniVersion\":\"1.0.0\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> Result.fromBytes(b(deep))).isInstanceOf(ConfigException.class);
    }

    @Test
    void numberBeyondAFloat64IsGosDecodeErrorNotAnEncoderCrash() {
        // found by fuzzing: without a cniVersion the result is re-encoded, and Infinity reached the encoder
        assertThatThrownBy(() -> Result.fromBytes(b("{\"x\":3290E993}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("decoding version from network config: json: cannot unmarshal number 3290E993"
                        + " into Go value of type float64");
        assertThatThrownBy(() -> ResultCodec.parse(b("{\"ips\":[{\"x\":-1e400}]}"), "1.0.0"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("failed to unmarshal raw result: json: cannot unmarshal number -1e400 into Go"
                        + " value of type float64");
    }
}
