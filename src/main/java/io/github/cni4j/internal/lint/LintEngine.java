package io.github.cni4j.internal.lint;

import io.github.cni4j.lint.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs the parser and every rule over one text. Stateless; each call has its own {@link LintContext}. */
public final class LintEngine {

    /** Settings of a linter: directories to look plugin binaries up in (empty: no installation check). */
    public record Options(List<Path> pluginDirs) {
        /** Copies the list. */
        public Options {
            pluginDirs = List.copyOf(pluginDirs);
        }

        boolean isInstalled(String type) {
            for (Path dir : pluginDirs) {
                Path p = dir.resolve(type);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> installed() {
            Set<String> names = new TreeSet<>();
            for (Path dir : pluginDirs) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.limit(10_000).forEach(p -> names.add(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // An unreadable directory simply offers no suggestions.
                }
            }
            return names;
        }
    }

    private LintEngine() {
    }

    /** {@return the diagnostics of a text sorted by position}; the extension of sourceName is checked too */
    public static List<Diagnostic> lint(String text, String sourceName, Options options) {
        LintContext ctx = new LintContext(new SourceText(text), sourceName);
        Optional<JsonNode> root = Optional.empty();
        try {
            root = new TolerantJsonParser(ctx).parse();
        } catch (RuntimeException | StackOverflowError e) {
            ctx.failed("json", e);
        }
        try {
            if (root.isPresent()) {
                new DocumentRules(ctx, root.get(), extension(sourceName), options).check();
            }
        } catch (RuntimeException | StackOverflowError e) {
            ctx.failed("document", e);
        }
        Diagnostic[] out = ctx.diagnostics().toArray(new Diagnostic[0]);
        // Insertion sort (stable, like List.sort): a handful of diagnostics, and no Comparator lambdas to spin.
        for (int i = 1; i < out.length; i++) {
            Diagnostic d = out[i];
            int j = i;
            for (; j > 0 && (out[j - 1].line() > d.line()
                    || out[j - 1].line() == d.line() && out[j - 1].column() > d.column()); j--) {
                out[j] = out[j - 1];
            }
            out[j] = d;
        }
        return List.of(out);
    }

    static String extension(String sourceName) {
        int slash = Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\'));
        int dot = sourceName.lastIndexOf('.');
        return dot > slash ? sourceName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
