package io.github.cni4j.lint;

import static io.github.cni4j.lint.CniAssertions.assertThatConfigFile;
import static io.github.cni4j.lint.CniAssertions.assertThatConfigText;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CniAssertionsTest {

    private static final Path VALID = TestFiles.resourceDir("configs").resolve("10-containerd-net.conflist");
    private static final Path BAD_NAME = TestFiles.resourceDir("lint").resolve("CNI0012.conflist");

    @Test
    void validConfigPassesEveryCheck() {
        assertThatConfigFile(VALID).isValid().hasNoWarnings().hasNoDiagnostics();
    }

    @Test
    void isValidFailsWithTheDiagnosticsAsAnIdeShowsThem() {
        assertThatThrownBy(() -> assertThatConfigFile(BAD_NAME).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be valid (no errors)")
                .hasMessageContaining(BAD_NAME + ":3:11: error CNI0012: invalid characters found in network name");
    }

    @Test
    void hasNoWarningsFailsOnWarningsButIgnoresHints() {
        String warn = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"bridge\", \"mtu\": 9}]}";
        assertThatConfigText(warn).isValid().hasDiagnostic("CNI0115");
        assertThatThrownBy(() -> assertThatConfigText(warn).hasNoWarnings()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("<string>:1:").hasMessageContaining("warning CNI0115");
        String hint = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"type\": \"bridge\"}";
        assertThatConfigText(hint).isValid().hasNoWarnings().hasDiagnostic("CNI0202");
    }

    @Test
    void hasDiagnosticAtChecksCodeAndPosition() {
        assertThatConfigFile(BAD_NAME).hasDiagnostic("CNI0012").hasDiagnosticAt("CNI0012", 3, 11);
        assertThatThrownBy(() -> assertThatConfigFile(BAD_NAME).hasDiagnosticAt("CNI0012", 3, 12))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CNI0012 at 3:12")
                .hasMessageContaining(":3:11: error CNI0012");
        assertThatThrownBy(() -> assertThatConfigFile(VALID).hasDiagnostic("CNI0100"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reported nothing");
    }

    @Test
    void messagesWithPercentSignsAreNotFormatted() {
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"50%s\", \"plugins\": [{\"type\": \"bridge\"}]}";
        assertThatThrownBy(() -> assertThatConfigText(text).isValid()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"50%s\"");
    }

    @Test
    void documentedExampleHolds() {
        assertThatConfigText("{\"cniVersion\":\"1.0.0\",\"name\":\"my net\",\"plugins\":[{\"type\":\"bridge\"}]}")
                .hasDiagnostic("CNI0012")
                .hasDiagnosticAt("CNI0012", 1, 30);
    }
}
