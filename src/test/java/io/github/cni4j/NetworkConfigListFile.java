package io.github.cni4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small conflists for facade unit tests. */
final class NetworkConfigListFile {

    private NetworkConfigListFile() {
    }

    static Path write(Path dir, String name) {
        Path f = dir.resolve("50-" + name + ".conflist");
        try {
            Files.write(f, FakeOps.net(name).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }
}
