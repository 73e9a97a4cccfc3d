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
 * boolean ok = problems.stream().noneMatch(d -> d.severity() == Severity.ERROR);
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
