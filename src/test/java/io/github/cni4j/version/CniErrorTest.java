package io.github.cni4j.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spec's error object (REFERENCE A.6, B.6). */
class CniErrorTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wellKnownCodesHaveTheSpecValues() {
        assertThat(new int[] {CniError.UNKNOWN, CniError.INCOMPATIBLE_CNI_VERSION, CniError.UNSUPPORTED_FIELD,
            CniError.UNKNOWN_CONTAINER, CniError.INVALID_ENVIRONMENT_VARIABLES, CniError.IO_FAILURE,
            CniError.DECODING_FAILURE, CniError.INVALID_NETWORK_CONFIG, CniError.INVALID_NETNS,
            CniError.TRY_AGAIN_LATER, CniError.PLUGIN_NOT_AVAILABLE, CniError.LIMITED_CONNECTIVITY,
            CniError.INTERNAL}).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 50, 51, 999);
    }

    @Test
    void decodesAPluginErrorAndIgnoresOtherMembers() {
        CniError e = CniError.fromBytes(b("{\"cniVersion\":\"1.0.0\",\"code\":11,\"msg\":\"try\",\"details\":\"later\"}"));
        assertThat(e.code()).isEqualTo(CniError.TRY_AGAIN_LATER);
        assertThat(e.msg()).isEqualTo("try");
        assertThat(e.details()).contains("later");
        assertThat(e).hasToString("try; later");
        assertThat(CniError.fromBytes(b("{\"CODE\":7,\"MSG\":\"m\"}"))).isEqualTo(CniError.of(7, "m"));
    }

    @Test
    void aNonErrorObjectIsCodeZeroWithAnEmptyMessage() {
        CniError e = CniError.fromBytes(b("{\"cniVersion\":\"0.4.0\"}"));
        assertThat(e.code()).isZero();
        assertThat(e.msg()).isEmpty();
        assertThat(e.details()).isEmpty();
        assertThat(CniError.fromBytes(b("null"))).isEqualTo(e);
    }

    @Test
    void undecodableErrorsFailWithGosText() {
        assertDecodeFails("{\"code\":\"7\",\"msg\":\"x\"}",
                "json: cannot unmarshal string into Go struct field Error.code of type uint");
        assertDecodeFails("{\"code\":-1}", "json: cannot unmarshal number -1 into Go struct field Error.code of type uint");
        assertDecodeFails("{\"code\":1.5}", "json: cannot unmarshal number 1.5 into Go struct field Error.code of type uint");
        assertDecodeFails("[]", "json: cannot unmarshal array into Go value of type types.Error");
        assertDecodeFails("{\"msg\":5,\"code\":\"x\"}",
                "json: cannot unmarshal number into Go struct field Error.msg of type string");
        assertDecodeFails("x", "invalid character 'x' looking for beginning of value");
    }

    private static void assertDecodeFails(String json, String msg) {
        assertThatThrownBy(() -> CniError.fromBytes(b(json))).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).msg()).isEqualTo(msg))
                .satisfies(e -> assertThat(((ConfigException) e).code()).isEqualTo(6));
    }

    @Test
    void encodesAsGoDoesWithDetailsOmittedWhenEmpty() {
        assertThat(new String(CniError.of(7, "bad <conf>").toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":7,\"msg\":\"bad \\u003cconf\\u003e\"}");
        assertThat(new String(CniError.of(4, "m", "d").toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":4,\"msg\":\"m\",\"details\":\"d\"}");
        assertThat(CniError.of(4, "m")).hasToString("m");
    }

    @Test
    void roundTrips() {
        CniError e = CniError.of(999, "x\ny", "z");
        assertThat(CniError.fromBytes(e.toBytes())).isEqualTo(e).hasSameHashCodeAs(e);
    }

    @Test
    void negativeCodesAreACallerBug() {
        assertThatThrownBy(() -> CniError.of(-1, "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
