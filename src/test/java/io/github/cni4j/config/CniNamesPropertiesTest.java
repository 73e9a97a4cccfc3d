package io.github.cni4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CniNamesPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09_.-/: \t\u00e9\u00a0").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(20));
    }

    private static boolean throwsConfigException(Runnable r) {
        try {
            r.run();
            return false;
        } catch (ConfigException e) {
            return true;
        }
    }

    @Property(tries = 500)
    void validateThrowsExactlyWhenIsValidSaysNo(@ForAll("names") String s) {
        assertThat(throwsConfigException(() -> CniNames.validateContainerId(s))).isNotEqualTo(CniNames.isValidContainerId(s));
        assertThat(throwsConfigException(() -> CniNames.validateNetworkName(s))).isNotEqualTo(CniNames.isValidNetworkName(s));
        assertThat(throwsConfigException(() -> CniNames.validateInterfaceName(s)))
                .isNotEqualTo(CniNames.isValidInterfaceName(s));
    }

    @Property(tries = 500)
    void validNamesUseOnlyTheAllowedCharacters(@ForAll("names") String s) {
        if (CniNames.isValidNetworkName(s)) {
            assertThat(s).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        if (CniNames.isValidInterfaceName(s)) {
            assertThat(s.getBytes(StandardCharsets.UTF_8).length).isBetween(1, 15);
            assertThat(s).doesNotContain("/", ":", " ");
        }
    }
}
