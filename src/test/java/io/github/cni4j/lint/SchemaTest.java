package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Corpus files whose problem the schema can express; the others are syntax, warnings or hints. */
    private static final List<String> REJECTED = List.of("CNI0004", "CNI0010", "CNI0011", "CNI0012", "CNI0013",
            "CNI0015", "CNI0020", "CNI0021", "CNI0022", "CNI0023", "CNI0101", "CNI0102", "CNI0109", "CNI0114",
            "CNI0115");

    static MiniJsonSchema schema() throws IOException {
        try (InputStream in = Linter.class.getResourceAsStream("cni-config.schema.json")) {
            return new MiniJsonSchema(MAPPER.readTree(in));
        }
    }

    @Test
    void buildShipsTheOneCommittedSchemaAsAResource() throws IOException {
        byte[] resource;
        try (InputStream in = Linter.class.getResourceAsStream("cni-config.schema.json")) {
            resource = in.readAllBytes();
        }
        Path repoFile = Path.of("schema/cni-config.schema.json");
        assertThat(new String(resource, StandardCharsets.UTF_8)).isEqualTo(Files.readString(repoFile));
    }

    @Test
    void schemaDeclaresDraft2020AndUsesOnlyCheckedKeywords() throws IOException {
        JsonNode s;
        try (InputStream in = Linter.class.getResourceAsStream("cni-config.schema.json")) {
            s = MAPPER.readTree(in);
        }
        assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        schema();   // throws on any keyword the checker does not implement
    }

    static Stream<Path> validConfigs() {
        return TestFiles.validConfigs().stream();
    }

    @ParameterizedTest
    @MethodSource("validConfigs")
    void acceptsValidConfigs(Path file) throws IOException {
        assertThat(schema().validate(MAPPER.readTree(file.toFile()))).isEmpty();
    }

    static Stream<String> rejected() {
        return REJECTED.stream();
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectsInvalidCorpusFiles(String code) throws IOException {
        Path file = TestFiles.corpus().stream().filter(p -> TestFiles.codeOf(p).equals(code)).findFirst().get();
        assertThat(schema().validate(MAPPER.readTree(file.toFile()))).as(file.toString()).isNotEmpty();
    }

    @Test
    void acceptsTheSameConfigWithTypicalOptionalFields() throws IOException {
        String text = "{\"cniVersion\":\"1.1.0\",\"cniVersions\":[\"1.0.0\",\"1.1.0\",\"2.0.0\"],\"name\":\"n\","
                + "\"disableCheck\":\"TRUE\",\"plugins\":[{\"type\":\"macvlan\",\"master\":\"eth0\",\"mode\":\"vepa\","
                + "\"ipam\":{\"type\":\"static\",\"addresses\":[{\"address\":\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\"}]}},"
                + "{\"type\":\"tuning\",\"sysctl\":{\"net.core.somaxconn\":\"500\"}},"
                + "{\"type\":\"bandwidth\",\"ingressRate\":1000,\"ingressBurst\":100,\"capabilities\":{\"bandwidth\":true}},"
                + "{\"type\":\"my-vendor-plugin\",\"anything\":[1,2,3]}]}";
        assertThat(schema().validate(MAPPER.readTree(text))).isEmpty();
        assertThat(Linter.standard().lint(text, "n.conflist")).isEmpty();
    }
}
