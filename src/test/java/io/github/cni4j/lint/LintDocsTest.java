package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LintDocsTest {

    @Test
    void everyCodeIsInTheCatalogueWithItsSeverityAndTitle() throws IOException {
        String doc = Files.readString(Path.of("docs/lint.md"));
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(doc).contains("| " + c.id() + " | " + c.severity().name().toLowerCase(java.util.Locale.ROOT)
                    + " | " + c.title() + " | ");
        }
    }

    @Test
    void everyCodeCitesTheSourceThatBacksIt() throws IOException {
        String doc = Files.readString(Path.of("docs/lint.md"));
        String sources = doc.substring(doc.indexOf("## Where each rule comes from"));
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(sources).as("a source line for %s", c.id()).containsPattern("\\| " + c.id() + " \\| \\S.{20,}");
        }
    }
}
