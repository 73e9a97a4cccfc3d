package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AssertJ is optional: the linter and its outputs must work when it is not on the class path at all. */
class WithoutAssertjTest {

    private static URL locationOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void linterAndSarifRunWithoutAssertjOnTheClassPath() throws Exception {
        URL[] urls = {locationOf(Linter.class), locationOf(JsonFactory.class), locationOf(ObjectMapper.class),
            locationOf(JsonProperty.class)};
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.assertj.core.api.AbstractAssert"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> linterClass = loader.loadClass(Linter.class.getName());
            Object linter = linterClass.getMethod("standard").invoke(null);
            List<?> ds = (List<?>) linterClass.getMethod("lint", String.class, String.class)
                    .invoke(linter, "{\"cniVersion\": \"1.0.0\", \"plugins\": []}", "x.conflist");
            assertThat(ds).hasSize(2);
            String log = (String) linterClass.getMethod("toSarif", List.class).invoke(null, ds);
            assertThat(log).contains("\"ruleId\" : \"CNI0011\"", "\"ruleId\" : \"CNI0020\"");
        }
    }
}
