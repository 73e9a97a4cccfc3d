package io.github.cni4j.overlay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts a host's attachments to one overlay network: the addresses host-local holds in the network's IPAM dir
 * (one file per allocated address, named by the address; {@code lock} and {@code last_reserved_ip.*} are not).
 */
final class Attachments {
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*");

    private Attachments() {
    }

    static Path ipamDir(Path dataDir, String network) {
        return dataDir.resolve("ipam").resolve(network);
    }

    static int count(Path dataDir, String network) {
        Path dir = ipamDir(dataDir, network);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return (int) files.filter(Files::isRegularFile)
                    .filter(f -> ADDRESS.matcher(f.getFileName().toString()).matches()).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
