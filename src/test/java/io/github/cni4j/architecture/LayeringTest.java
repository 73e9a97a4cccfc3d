package io.github.cni4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ARCHITECTURE.md, read from the import lines of the main sources: the exception family
 * depends on nothing of cni4j, nothing below the fluent facade imports it, and no two packages import each other,
 * not even through others.
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

    @Test
    void noTwoPackagesImportEachOtherEvenIndirectly() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : imports(SOURCES)) {
            String from = packageOf(line.substring(0, line.indexOf(" -> ")));
            String to = packageOf(line.substring(line.indexOf(" -> ") + 4));
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            if (!from.equals(to)) {
                graph.get(from).add(to);
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            findCycle(graph, start, new ArrayDeque<>(), new HashSet<>(), cycles);
        }
        assertThat(cycles).as("import cycles between packages").isEmpty();
    }

    /** Depth-first: a path that comes back to its start is a cycle (reported once, from its smallest package). */
    private static void findCycle(Map<String, Set<String>> graph, String node, Deque<String> path, Set<String> seen,
                                  List<String> cycles) {
        path.addLast(node);
        seen.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (next.equals(path.getFirst())) {
                if (path.stream().allMatch(p -> p.compareTo(next) >= 0)) {
                    cycles.add(String.join(" -> ", path) + " -> " + next);
                }
            } else if (!seen.contains(next)) {
                findCycle(graph, next, path, seen, cycles);
            }
        }
        path.removeLast();
    }

    /** The package of a source path ({@code a/b/C.java}) or of an import target (types cut off). */
    private static String packageOf(String name) {
        String dotted = name.replace('/', '.').replaceAll("\\.java$", "");
        List<String> parts = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        String pkg = String.join(".", parts);
        pkg = pkg.startsWith("io.github.cni4j") ? pkg : ("io.github.cni4j" + (pkg.isEmpty() ? "" : "." + pkg));
        // An internal package that implements one public package is one unit with it (internal.cache is the
        // cache's, internal.facade the facade's); internal.exec is the
        // invoker's; shared internals (json, gojson, jna, fs) stand alone.
        String impl = pkg.replaceFirst("^io\\.github\\.cni4j\\.internal\\.", "");
        return switch (impl) {
            case "facade" -> "io.github.cni4j";
            case "cache", "config", "invoke", "lint" -> "io.github.cni4j." + impl;
            case "exec" -> "io.github.cni4j.invoke";   // the PluginExec implementations
            default -> pkg;
        };
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
