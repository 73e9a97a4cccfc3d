package io.github.cni4j.lint;

import io.github.cni4j.internal.lint.LintEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks CNI network configurations ({@code .conf}, {@code .conflist}, {@code .json}) and reports every problem
 * with its position, as an IDE or a test wants it.
 *
 * <p>The linter reads raw text with its own tolerant JSON parser, so it reports several syntax errors in one pass
 * and still checks the parts that parse. Beyond what libcni refuses (bad JSON, missing or invalid names and types,
 * unsupported versions, an empty plugin list) it knows the reference plugins' fields, capabilities and addressing
 * rules, and warns about typos, impossible ranges and misordered chains. It never throws on any input: a bug in a
 * check becomes a {@link DiagnosticCode#INTERNAL_ERROR} diagnostic.
 *
 * <pre>{@code
 * Linter linter = Linter.builder().addPluginDir(Path.of("/opt/cni/bin")).build();
 * List<Diagnostic> problems = linter.lint(Path.of("/etc/cni/net.d/10-containerd-net.conflist"));
 * problems.forEach(System.out::println);
 * boolean ok = problems.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
 * }</pre>
 *
 * <p>A linter is immutable and thread-safe; build one and reuse it.
 */
public final class Linter {

    /** Files larger than this are refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final Linter STANDARD = builder().build();

    private final LintEngine.Options options;

    private Linter(Builder b) {
        this.options = new LintEngine.Options(b.pluginDirs);
    }

    /** @return a linter with default settings (no plugin installation check) */
    public static Linter standard() {
        return STANDARD;
    }

    /** @return a builder for a linter with settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the plugin directories checked for installed plugins (empty: no check) */
    public List<Path> pluginDirs() {
        return options.pluginDirs();
    }

    /**
     * Lints a configuration text.
     *
     * @param text the configuration
     * @param sourceName the file name printed with each diagnostic; a {@code .conf}, {@code .conflist} or
     *        {@code .json} extension is compared with the content
     * @return every problem found, sorted by position; empty when the configuration is clean
     */
    public List<Diagnostic> lint(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        return LintEngine.lint(text, sourceName, options);
    }

    /**
     * Lints a configuration file. A file that cannot be read gives one {@link DiagnosticCode#UNREADABLE}
     * diagnostic; bytes that are not UTF-8 are read as U+FFFD, as Go's JSON decoder does.
     *
     * @param file the file
     * @return every problem found, sorted by position
     */
    public List<Diagnostic> lint(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return unreadable(name, "file is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return lint(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), name);
        } catch (IOException | SecurityException e) {
            return unreadable(name, "cannot read the file: " + e);
        }
    }

    /**
     * Formats diagnostics as text: one line per diagnostic, {@code file:line:col: severity CODE: message}; a fix
     * hint follows on an extra line that starts with spaces ({@code "    fix: did you mean \"isGateway\"?"}), so
     * line-based problem matchers skip it.
     *
     * <pre>{@code
     * System.out.print(Linter.toText(Linter.standard().lint(path)));
     * }</pre>
     *
     * @param diagnostics the diagnostics, usually from {@link #lint(Path)}
     * @return the text, each line ended by a newline; empty for no diagnostics
     */
    public static String toText(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        diagnostics.forEach(d -> sb.append(d.render()).append('\n'));
        return sb.toString();
    }

    /**
     * Formats diagnostics as a JSON array of objects with {@code code}, {@code severity}, {@code message},
     * {@code source}, {@code line}, {@code column}, {@code endLine}, {@code endColumn}, {@code jsonPointer} and, when
     * there is one, {@code fix}.
     *
     * @param diagnostics the diagnostics
     * @return the JSON text
     */
    public static String toJson(List<Diagnostic> diagnostics) {
        return DiagnosticJson.toJson(diagnostics);
    }

    /**
     * Formats diagnostics as a SARIF 2.1.0 log for GitHub code scanning and IDE viewers: tool {@code cni4j-lint}
     * with a rule per {@link DiagnosticCode}; each result has its level, message, a region in code-point columns,
     * and the JSON pointer and fix hint as properties.
     *
     * <pre>{@code
     * Files.writeString(Path.of("lint.sarif"), Linter.toSarif(Linter.standard().lint(path)));
     * }</pre>
     *
     * @param diagnostics the diagnostics
     * @return the SARIF JSON text
     */
    public static String toSarif(List<Diagnostic> diagnostics) {
        return Sarif.toJson(diagnostics);
    }

    private static List<Diagnostic> unreadable(String name, String message) {
        return List.of(Diagnostic.builder(DiagnosticCode.UNREADABLE).source(name).message(message).build());
    }

    /**
     * Configures a {@link Linter}. Not thread-safe.
     *
     * <pre>{@code
     * Linter linter = Linter.builder().addPluginDir(Path.of("/usr/lib/cni")).build();
     * }</pre>
     */
    public static final class Builder {
        private final List<Path> pluginDirs = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a directory where plugins are installed; with at least one, plugin types not found in any of them
         * are reported as {@link DiagnosticCode#PLUGIN_NOT_INSTALLED}. Default: none, no check.
         *
         * @param dir a plugin directory such as {@code /opt/cni/bin}
         * @return this builder
         */
        public Builder addPluginDir(Path dir) {
            pluginDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /**
         * Replaces the plugin directories.
         *
         * @param dirs the directories, in lookup order
         * @return this builder
         */
        public Builder pluginDirs(List<Path> dirs) {
            pluginDirs.clear();
            dirs.forEach(this::addPluginDir);
            return this;
        }

        /** @return the linter */
        public Linter build() {
            return new Linter(this);
        }
    }
}
