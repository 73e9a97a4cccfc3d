package io.github.cni4j.interop;

import io.github.cni4j.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman with everything of its own under one temp dir: containers.conf (CNI backend, the reference plugins,
 * cgroupfs, no events), network config dir, vfs storage and run root. Nothing of the host's Podman setup is read
 * or written, except libcni's cache, which Podman 4.3 keeps in /var/lib/cni whatever the config says.
 */
final class Podman {

    static final String IMAGE = "localhost/c4j-busybox";

    private final Path dir;

    private Podman(Path dir) {
        this.dir = dir;
    }

    static Podman start(Path dir) throws IOException {
        Podman p = new Podman(dir);
        Files.createDirectories(p.confDir());
        Files.writeString(dir.resolve("containers.conf"), String.join("\n",
                "[network]",
                "network_backend = \"cni\"",
                "cni_plugin_dirs = [\"" + Prerequisites.PLUGIN_DIR + "\"]",
                "network_config_dir = \"" + p.confDir() + "\"",
                "[engine]",
                "cgroup_manager = \"cgroupfs\"",
                "events_logger = \"none\"",
                "runtime = \"runc\"",
                ""));
        return p;
    }

    Path confDir() {
        return dir.resolve("net.d");
    }

    /** An image with busybox-static's binary and the applets the test runs, imported from a tar file. */
    void importBusybox() throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        for (String applet : List.of("sh", "sleep", "ping", "ip")) {
            Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
        }
        Path tar = dir.resolve("rootfs.tar");
        Prerequisites.sh("tar", "-C", dir.resolve("rootfs").toString(), "-cf", tar.toString(), ".");
        run("import", tar.toString(), IMAGE);
    }

    /** Runs podman with this instance's config and storage; returns stdout, fails with stderr on a non-zero exit. */
    String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman", "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("podman.err").toFile());
            pb.environment().put("CONTAINERS_CONF", dir.resolve("containers.conf").toString());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                        + Files.readString(dir.resolve("podman.err")));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Removes the container and the network (each step tolerates failure), then the temp dir. */
    void close(String network, String container) {
        for (String[] step : List.of(new String[] {"rm", "-f", "-t", "0", container},
                new String[] {"network", "rm", "-f", network})) {
            try {
                run(step);
            } catch (AssertionError ignored) {
                // already gone, or never made
            }
        }
        Prerequisites.shQuiet("rm", "-rf", dir.toString());
    }
}
