package io.github.cni4j.plugins;

import io.github.cni4j.error.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Removal of a network's file and of its bridge device (as {@code nerdctl network rm} does). */
final class Bridges {

    private static final System.Logger LOG = System.getLogger(Bridges.class.getName());

    private Bridges() {
    }

    static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
            try (FileChannel d = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException e) {
            throw new ConfigException(5, "cannot remove network config: " + e, file.toString(), 0, 0, null, e);
        }
    }

    /** Best effort: a bridge that cannot be deleted stays, with a warning, as nerdctl only warns too. */
    static void deleteLink(String bridge) {
        if (!Files.exists(Path.of("/sys/class/net", bridge))) {
            return;
        }
        try {
            Process p = new ProcessBuilder("ip", "link", "del", bridge).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.log(System.Logger.Level.WARNING, "failed to remove bridge " + bridge);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to remove bridge " + bridge + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
