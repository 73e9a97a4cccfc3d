package io.github.cni4j.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding a plugin's VERSION answer (REFERENCE A.7, B.9). */
class PluginInfoTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesTheAnswer() {
        PluginInfo info = PluginInfo.fromBytes(b("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":"
                + "[\"0.4.0\",\"1.0.0\"]}\n"));
        assertThat(info.cniVersion()).isEqualTo(CniVersion.V1_1_0);
        assertThat(info.supportedVersions()).containsExactly("0.4.0", "1.0.0");
        assertThat(info.supports("1.0.0")).isTrue();
        assertThat(info.supports("1.0")).isFalse();
        assertThat(info.supports("1.1.0")).isFalse();
    }

    @Test
    void a020AnswerWithoutListSupports010And020() {
        PluginInfo info = PluginInfo.fromBytes(b("{\"cniVersion\":\"0.2.0\"}"));
        assertThat(info.supportedVersions()).containsExactly("0.1.0", "0.2.0");
        assertThat(info.cniVersion()).isEqualTo(CniVersion.current());
    }

    @Test
    void legacyPluginsSupportOnly010() {
        assertThat(PluginInfo.legacy().supportedVersions()).containsExactly("0.1.0");
        assertThat(PluginInfo.legacy().supports("0.1.0")).isTrue();
    }

    @Test
    void failuresUseLibcnisMessages() {
        assertFails("{\"supportedVersions\":[\"1.0.0\"]}", "decoding version info: missing field cniVersion");
        assertFails("null", "decoding version info: missing field cniVersion");
        assertFails("{\"cniVersion\":\"0.3.0\"}", "decoding version info: missing field supportedVersions");
        assertFails("{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[]}",
                "decoding version info: missing field supportedVersions");
        assertFails("{\"cniVersion\":5}", "decoding version info: json: cannot unmarshal number into Go struct "
                + "field pluginInfo.cniVersion of type string");
        assertFails("{\"cniVersion\":\"1.0.0\",\"supportedVersions\":\"x\"}", "decoding version info: json: "
                + "cannot unmarshal string into Go struct field pluginInfo.supportedVersions of type []string");
        assertFails("{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[1]}", "decoding version info: json: "
                + "cannot unmarshal number into Go struct field pluginInfo.supportedVersions of type string");
        assertFails("[]", "decoding version info: json: cannot unmarshal array into Go value of type "
                + "version.pluginInfo");
        assertFails("x", "decoding version info: invalid character 'x' looking for beginning of value");
        assertFails("{\"cniVersion\":\"1.x\",\"supportedVersions\":[\"1.0.0\"]}", "decoding version info: "
                + "failed to convert minor version part \"x\": strconv.Atoi: parsing \"x\": invalid syntax");
    }

    private static void assertFails(String json, String msg) {
        assertThatThrownBy(() -> PluginInfo.fromBytes(b(json))).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).msg()).isEqualTo(msg))
                .satisfies(e -> assertThat(((ConfigException) e).code()).isEqualTo(6));
    }

    @Test
    void encodesAsGosSkeletonWithANewline() {
        PluginInfo info = PluginInfo.of(CniVersion.V1_1_0, List.of("0.3.1", "1.0.0"));
        assertThat(new String(info.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.3.1\",\"1.0.0\"]}\n");
        assertThat(PluginInfo.fromBytes(info.toBytes())).isEqualTo(info).hasSameHashCodeAs(info);
    }

    @Test
    void anAnswerNeedsAVersion() {
        assertThatThrownBy(() -> PluginInfo.of(CniVersion.V1_0_0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
