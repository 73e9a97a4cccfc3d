package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file {@code lint/<CODE>.<ext>} is a broken config showing that code; {@code lint/<CODE>.expected} lists every
 * diagnostic the linter must report for it, as {@code line:column CODE}, in order.
 */
class LintCorpusTest {

    /** Codes that cannot come from a file's content; {@link LinterTest} covers them. */
    private static final Set<DiagnosticCode> NOT_IN_CORPUS = Set.of(DiagnosticCode.UNREADABLE,
            DiagnosticCode.INTERNAL_ERROR);

    @TempDir
    static Path pluginDir;

    static Stream<Path> corpus() {
        return TestFiles.corpus().stream();
    }

    /** For CNI0116: a plugin directory holding only bridge and host-local. */
    private static Linter linterFor(Path file) throws IOException {
        if (!TestFiles.codeOf(file).equals(DiagnosticCode.PLUGIN_NOT_INSTALLED.id())) {
            return Linter.standard();
        }
        for (String name : List.of("bridge", "host-local")) {
            Path p = pluginDir.resolve(name);
            if (!Files.exists(p)) {
                Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
        }
        return Linter.builder().addPluginDir(pluginDir).build();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void reportsExactlyTheExpectedDiagnostics(Path file) throws IOException {
        List<Diagnostic> found = linterFor(file).lint(file);
        String name = file.getFileName().toString();
        Path expectedFile = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
        List<String> expected = Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toList());
        List<String> actual = found.stream().map(d -> d.line() + ":" + d.column() + " " + d.code())
                .collect(Collectors.toList());
        assertThat(actual).as(Linter.toText(found)).isEqualTo(expected);
        assertThat(actual).as("the file shows its own code").anyMatch(l -> l.endsWith(" " + TestFiles.codeOf(file)));
    }

    @Test
    void everyCodeHasACorpusFile() {
        Set<String> files = TestFiles.corpus().stream().map(TestFiles::codeOf).collect(Collectors.toSet());
        List<String> missing = Arrays.stream(DiagnosticCode.values()).filter(c -> !NOT_IN_CORPUS.contains(c))
                .map(DiagnosticCode::id).filter(id -> !files.contains(id)).collect(Collectors.toList());
        assertThat(missing).isEmpty();
    }

    static Stream<Path> validConfigs() {
        return TestFiles.validConfigs().stream();
    }

    @ParameterizedTest
    @MethodSource("validConfigs")
    void validConfigsLintClean(Path file) {
        assertThat(Linter.standard().lint(file)).isEmpty();
        CniAssertions.assertThatConfigFile(file).isValid().hasNoWarnings().hasNoDiagnostics();
    }
}
