package io.github.cni4j.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cni4j.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CniNamesTest {

    private static void assertError(ConfigException e, int code, String msg, String details) {
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.msg()).isEqualTo(msg);
        assertThat(e.details().orElse("")).isEqualTo(details);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "abc-DEF_1.2", "Z-", "a..b"})
    void validNamesPass(String name) {
        assertThatCode(() -> CniNames.validateContainerId(name)).doesNotThrowAnyException();
        assertThatCode(() -> CniNames.validateNetworkName(name)).doesNotThrowAnyException();
        assertThat(CniNames.isValidContainerId(name)).isTrue();
        assertThat(CniNames.isValidNetworkName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "_a", ".a", "a b", "a/b", "a\n", "é", "a:b"})
    void badCharactersAreRefusedWithLibcniCodes(String name) {
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateContainerId(name)),
                4, "invalid characters in containerID", name);
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateNetworkName(name)),
                7, "invalid characters found in network name", name);
        assertThat(CniNames.isValidContainerId(name)).isFalse();
        assertThat(CniNames.isValidNetworkName(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void emptyNamesAreMissing() {
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateContainerId("")),
                3, "missing containerID", "");
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateNetworkName("")),
                7, "missing network name:", "");
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateInterfaceName("")),
                4, "interface name is empty", "");
        assertThat(CniNames.isValidContainerId("")).isFalse();
        assertThat(CniNames.isValidInterfaceName("")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth0", "a", "123456789012345", "é", "vethé12345678", "-x", "eth0.100"})
    void validInterfaceNamesPass(String name) {
        assertThatCode(() -> CniNames.validateInterfaceName(name)).doesNotThrowAnyException();
        assertThat(CniNames.isValidInterfaceName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890123456", "ééééééééé"})
    void interfaceNamesLongerThan15BytesAreRefused(String name) {
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateInterfaceName(name)),
                4, "interface name is too long", "interface name should be less than 16 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotNamesAreRefused(String name) {
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateInterfaceName(name)),
                4, "interface name is . or ..", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a/b", "a:b", "a b", "a\tb", "a\u00a0b", "a\u2003b", "a\u0085b", "a\u2028b"})
    void slashColonAndWhitespaceAreRefused(String name) {
        assertError(catchThrowableOfType(ConfigException.class, () -> CniNames.validateInterfaceName(name)),
                4, "interface name contains / or : or whitespace characters", "");
        assertThat(CniNames.isValidInterfaceName(name)).isFalse();
    }

    @Test
    void javadocExample() {
        CniNames.validateInterfaceName("eth0");
        assertThat(CniNames.isValidNetworkName("my net")).isFalse();
        assertThat(CniNames.isValidInterfaceName("veth0123456789ab")).isFalse();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> CniNames.validateContainerId(""));
        assertThat(e.code()).isEqualTo(3);
        assertThat(e.msg()).isEqualTo("missing containerID");
    }
}
