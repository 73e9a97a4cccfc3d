package io.github.cni4j.lint;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes diagnostics as a SARIF 2.1.0 log ({@link Linter#toSarif(List)}): one run whose tool driver {@code cni4j-lint}
 * lists a rule for every {@link DiagnosticCode}; each result has its rule, level, message and a region in code-point
 * columns, with the JSON pointer and the fix hint as properties. Stateless and thread-safe.
 */
final class Sarif {

    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String TOOL_NAME = "cni4j-lint";

    private Sarif() {
    }

    static String toJson(List<Diagnostic> diagnostics) {
        return DiagnosticJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", VERSION);
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            tool(g);
            g.writeStringField("columnKind", "unicodeCodePoints");
            g.writeArrayFieldStart("results");
            for (Diagnostic d : diagnostics) {
                result(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void tool(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", TOOL_NAME);
        g.writeStringField("informationUri", "https://github.com/cni4j/cni4j");
        g.writeArrayFieldStart("rules");
        for (DiagnosticCode c : DiagnosticCode.values()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("name", ruleName(c));
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", c.title());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", c.severity().sarifLevel());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", d.code());
        g.writeNumberField("ruleIndex", d.kind().ordinal());
        g.writeStringField("level", d.severity().sarifLevel());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message() + d.fix().map(f -> " (" + f + ")").orElse(""));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(d.source()));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", d.line());
        g.writeNumberField("startColumn", d.column());
        g.writeNumberField("endLine", d.endLine());
        g.writeNumberField("endColumn", d.endColumn());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("jsonPointer", d.jsonPointer());
        if (d.fix().isPresent()) {
            g.writeStringField("fix", d.fix().get());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** SARIF names rules in PascalCase: UNKNOWN_FIELD becomes UnknownField. */
    private static String ruleName(DiagnosticCode c) {
        StringBuilder sb = new StringBuilder();
        for (String part : c.name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    /** Absolute paths become file: URIs; other names become relative URI references. */
    static String uri(String source) {
        try {
            if (source.startsWith("/")) {
                return Path.of(source).toUri().toString();
            }
            return new URI(null, null, source.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException | RuntimeException e) {
            return source.replaceAll("[^A-Za-z0-9._~/-]", "_");
        }
    }
}
