package io.github.cni4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ARCHITECTURE.md, read from the import lines of the main sources: the exception family
 * depends on nothing of cni4j, and nothing below the fluent facade imports it.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "cni4j");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.github\\.cni4j[\\w.]*)\\.\\w+;",
            Pattern.MULTILINE);
    private static final Pattern ROOT_TYPE = Pattern.compile("^io\\.github\\.cni4j\\.[A-Z]\\w*$");

    @Test
    void theErrorPackageImportsNothingOfCni4j() throws IOException {
        assertThat(imports(SOURCES.resolve("error"))).isEmpty();
    }

    @Test
    void nothingBelowTheFacadeImportsTheRootPackage() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                for (String line : imports(dir)) {
                    String target = line.substring(line.indexOf(" -> ") + 4);
                    // An import of a root type names io.github.cni4j.<Type>; the regex captured its package part.
                    if (target.equals("io.github.cni4j") || ROOT_TYPE.matcher(target).matches()) {
                        offending.add(line);
                    }
                }
            }
        }
        assertThat(offending).as("imports of the facade package from below it").isEmpty();
    }

    /** Lines {@code file -> imported package} for every cni4j import under {@code dir}. */
    private static List<String> imports(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(SOURCES.relativize(file) + " -> " + m.group(1));
                }
            }
        }
        return found;
    }
}
