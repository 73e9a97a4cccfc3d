package io.github.cni4j.internal.gojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spec's error object: its codes on {@link CniException}, its wire form in {@link VersionCodec}. */
class ErrorObjectTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(int code, String msg, String details) {
        return new String(VersionCodec.encodeError(code, msg, details), StandardCharsets.UTF_8);
    }

    @Test
    void wellKnownCodesHaveTheSpecValues() {
        assertThat(new int[] {CniException.UNKNOWN, CniException.INCOMPATIBLE_CNI_VERSION,
            CniException.UNSUPPORTED_FIELD, CniException.UNKNOWN_CONTAINER, CniException.INVALID_ENVIRONMENT_VARIABLES,
            CniException.IO_FAILURE, CniException.DECODING_FAILURE, CniException.INVALID_NETWORK_CONFIG,
            CniException.INVALID_NETNS, CniException.TRY_AGAIN_LATER, CniException.PLUGIN_NOT_AVAILABLE,
            CniException.LIMITED_CONNECTIVITY, CniException.INTERNAL})
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 50, 51, 999);
    }

    @Test
    void decodesAPluginErrorAndIgnoresOtherMembers() {
        VersionCodec.ErrorFields e = VersionCodec.decodeError(
                b("{\"cniVersion\":\"1.0.0\",\"code\":11,\"msg\":\"try\",\"details\":\"later\"}"));
        assertThat(e.code()).isEqualTo(CniException.TRY_AGAIN_LATER);
        assertThat(e.msg()).isEqualTo("try");
        assertThat(e.details()).isEqualTo("later");
        assertThat(new CniException(e.code(), e.msg(), e.details(), null)).hasMessage("try; later");
        assertThat(VersionCodec.decodeError(b("{\"CODE\":7,\"MSG\":\"m\"}")))
                .isEqualTo(new VersionCodec.ErrorFields(7, "m", ""));
    }

    @Test
    void aNonErrorObjectIsCodeZeroWithAnEmptyMessage() {
        VersionCodec.ErrorFields e = VersionCodec.decodeError(b("{\"cniVersion\":\"0.4.0\"}"));
        assertThat(e.code()).isZero();
        assertThat(e.msg()).isEmpty();
        assertThat(e.details()).isEmpty();
        assertThat(VersionCodec.decodeError(b("null"))).isEqualTo(e);
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
        assertThatThrownBy(() -> VersionCodec.decodeError(b(json))).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).msg()).isEqualTo(msg))
                .satisfies(e -> assertThat(((ConfigException) e).code()).isEqualTo(6));
    }

    @Test
    void encodesAsGoDoesWithDetailsOmittedWhenEmpty() {
        assertThat(encode(7, "bad <conf>", "")).isEqualTo("{\"code\":7,\"msg\":\"bad \\u003cconf\\u003e\"}");
        assertThat(encode(4, "m", "d")).isEqualTo("{\"code\":4,\"msg\":\"m\",\"details\":\"d\"}");
        assertThat(new CniException(4, "m")).hasMessage("m");
        assertThat(new CniException(4, "m", "", null).details()).isEmpty();
    }

    @Test
    void roundTrips() {
        VersionCodec.ErrorFields e = new VersionCodec.ErrorFields(999, "x\ny", "z");
        assertThat(VersionCodec.decodeError(VersionCodec.encodeError(e.code(), e.msg(), e.details())))
                .isEqualTo(e).hasSameHashCodeAs(e);
    }

    @Test
    void negativeCodesAreACallerBug() {
        assertThatThrownBy(() -> new CniException(-1, "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
