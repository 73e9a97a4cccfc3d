package io.github.cni4j.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

class CniNamesPropertiesTest {

    private static Gen<String> names() {
        return Gen.oneOf(Gen.strings(Gen.chars("aZ09_.-/: \t\u00e9\u00a0"), 0, 20),
                Gen.strings(Gen.anyChar(), 0, 20));
    }

    private static boolean throwsConfigException(Runnable r) {
        try {
            r.run();
            return false;
        } catch (ConfigException e) {
            return true;
        }
    }

    @Test
    void validateThrowsExactlyWhenIsValidSaysNo() {
        Seeded.forAll(500, names(), CniNamesPropertiesTest::validateThrowsExactlyWhenInvalid);
    }

    private static void validateThrowsExactlyWhenInvalid(String s) {
        assertThat(throwsConfigException(() -> CniNames.validateContainerId(s))).isNotEqualTo(CniNames.isValidContainerId(s));
        assertThat(throwsConfigException(() -> CniNames.validateNetworkName(s))).isNotEqualTo(CniNames.isValidNetworkName(s));
        assertThat(throwsConfigException(() -> CniNames.validateInterfaceName(s)))
                .isNotEqualTo(CniNames.isValidInterfaceName(s));
    }

    @Test
    void validNamesUseOnlyTheAllowedCharacters() {
        Seeded.forAll(500, names(), CniNamesPropertiesTest::usesOnlyTheAllowedCharactersIfValid);
    }

    private static void usesOnlyTheAllowedCharactersIfValid(String s) {
        if (CniNames.isValidNetworkName(s)) {
            assertThat(s).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        if (CniNames.isValidInterfaceName(s)) {
            assertThat(s.getBytes(StandardCharsets.UTF_8).length).isBetween(1, 15);
            assertThat(s).doesNotContain("/", ":", " ");
        }
    }
}
