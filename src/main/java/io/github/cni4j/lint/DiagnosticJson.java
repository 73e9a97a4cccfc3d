package io.github.cni4j.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes diagnostics as a JSON array (see {@link Linter#toJson(List)}). Stateless and thread-safe. */
final class DiagnosticJson {

    static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the JSON of something into a string. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private DiagnosticJson() {
    }

    static String toJson(List<Diagnostic> diagnostics) {
        return write(g -> {
            g.writeStartArray();
            for (Diagnostic d : diagnostics) {
                g.writeStartObject();
                g.writeStringField("code", d.code());
                g.writeStringField("severity", d.severity().word());
                g.writeStringField("message", d.message());
                g.writeStringField("source", d.source());
                g.writeNumberField("line", d.line());
                g.writeNumberField("column", d.column());
                g.writeNumberField("endLine", d.endLine());
                g.writeNumberField("endColumn", d.endColumn());
                g.writeStringField("jsonPointer", d.jsonPointer());
                if (d.fix().isPresent()) {
                    g.writeStringField("fix", d.fix().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return out.toString() + "\n";
    }
}
