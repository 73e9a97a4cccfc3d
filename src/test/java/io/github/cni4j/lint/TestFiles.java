package io.github.cni4j.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the linter's test resources. */
final class TestFiles {

    private TestFiles() {
    }

    static Path resourceDir(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broken configs of the corpus, one per diagnostic code ({@code lint/CNI0100.conflist}, ...). */
    static List<Path> corpus() {
        return list(resourceDir("lint")).stream().filter(p -> !p.toString().endsWith(".expected"))
                .collect(Collectors.toList());
    }

    /** Configurations that must lint clean: the user configs and typical files of podman, nerdctl, k8s CNIs. */
    static List<Path> validConfigs() {
        // Named, because other areas keep more (also broken) files in configs/.
        Path configs = resourceDir("configs");
        List<Path> all = new java.util.ArrayList<>(List.of(configs.resolve("redisnet.conf"),
                configs.resolve("10-containerd-net.conflist")));
        all.addAll(list(resourceDir("lint-valid")));
        return all;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String codeOf(Path corpusFile) {
        String n = corpusFile.getFileName().toString();
        return n.substring(0, n.indexOf('.'));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
