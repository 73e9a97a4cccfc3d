package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SARIF 2.1.0 schema is not available offline, so this checks explicitly the parts of it our log uses: the
 * properties SARIF requires and the value rules that apply to them.
 */
class SarifTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode sarifOfCorpus() throws IOException {
        List<Diagnostic> all = new ArrayList<>();
        for (Path p : TestFiles.corpus()) {
            all.addAll(Linter.standard().lint(p));
        }
        assertThat(all).hasSizeGreaterThan(50);
        return MAPPER.readTree(Sarif.toJson(all));
    }

    @Test
    void logHasTheRequiredTopLevelStructure() throws IOException {
        JsonNode log = sarifOfCorpus();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("runs").isArray()).isTrue();
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("cni4j-lint");
        assertThat(log.at("/runs/0/columnKind").asText()).isEqualTo("unicodeCodePoints");
    }

    @Test
    void everyCodeIsARuleWithMetadata() throws IOException {
        JsonNode rules = sarifOfCorpus().at("/runs/0/tool/driver/rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            assertThat(ids.add(r.get("id").asText())).as("unique rule id").isTrue();
            assertThat(r.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(r.at("/defaultConfiguration/level").asText()).isIn("error", "warning", "note");
            assertThat(r.get("name").asText()).matches("[A-Z][A-Za-z0-9]*");
        }
        assertThat(ids).hasSize(DiagnosticCode.values().length);
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertThat(ids).contains(c.id());
        }
    }

    @Test
    void everyResultReferencesItsRuleAndHasALocation() throws IOException {
        JsonNode log = sarifOfCorpus();
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.isArray()).isTrue();
        for (JsonNode r : results) {
            String ruleId = r.get("ruleId").asText();
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.at("/message/text").asText()).isNotBlank();
            assertThat(r.get("locations")).hasSize(1);
            JsonNode loc = r.at("/locations/0/physicalLocation");
            assertThat(loc.at("/artifactLocation/uri").asText()).startsWith("file:///").endsWith(
                    loc.at("/artifactLocation/uri").asText().substring(loc.at("/artifactLocation/uri").asText()
                            .lastIndexOf('/')));
            JsonNode region = loc.get("region");
            int startLine = region.get("startLine").asInt();
            int endLine = region.get("endLine").asInt();
            assertThat(startLine).isGreaterThanOrEqualTo(1);
            assertThat(region.get("startColumn").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(endLine).isGreaterThanOrEqualTo(startLine);
            if (endLine == startLine) {
                assertThat(region.get("endColumn").asInt()).isGreaterThanOrEqualTo(region.get("startColumn").asInt());
            }
            assertThat(r.at("/properties/jsonPointer").isTextual()).isTrue();
        }
    }

    @Test
    void levelsFollowSeverities() throws IOException {
        List<Diagnostic> ds = Linter.standard().lint("{\"cniVersion\": \"1.0.0\", \"type\": \"bridge\", \"x\": 1}",
                "a b.conf");
        JsonNode results = MAPPER.readTree(Sarif.toJson(ds)).at("/runs/0/results");
        assertThat(results).extracting(r -> r.get("ruleId").asText() + " " + r.get("level").asText())
                .containsExactly("CNI0011 error", "CNI0202 note", "CNI0100 warning");
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("a%20b.conf");
    }

    @Test
    void emptyListIsALogWithNoResults() throws IOException {
        JsonNode log = MAPPER.readTree(Linter.toSarif(List.of()));
        assertThat(log.at("/runs/0/results").isArray()).isTrue();
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void jsonAndTextFormatsCarryEveryField() throws IOException {
        List<Diagnostic> ds = Linter.standard().lint("{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": "
                + "[{\"type\": \"bridge\", \"hairpinMod\": true}]}", "x.conflist");
        JsonNode arr = MAPPER.readTree(Linter.toJson(ds));
        assertThat(arr).hasSize(1);
        JsonNode d = arr.get(0);
        assertThat(d.get("code").asText()).isEqualTo("CNI0100");
        assertThat(d.get("severity").asText()).isEqualTo("warning");
        assertThat(d.get("line").asInt()).isEqualTo(1);
        assertThat(d.get("column").asInt()).isEqualTo(69);
        assertThat(d.get("endColumn").asInt()).isEqualTo(81);
        assertThat(d.get("jsonPointer").asText()).isEqualTo("/plugins/0/hairpinMod");
        assertThat(d.get("fix").asText()).isEqualTo("did you mean \"hairpinMode\"?");
        assertThat(d.get("source").asText()).isEqualTo("x.conflist");
        assertThat(Linter.toText(ds)).isEqualTo(ds.get(0) + "\n    fix: did you mean \"hairpinMode\"?\n");
    }
}
