package io.github.cni4j.plugins;

import io.github.cni4j.error.PluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds plugin binaries and reads a plugin's version banner, as nerdctl does before writing a network. */
final class PluginBinaries {

    /** nerdctl's search list for the plugin dir; the first existing one wins. */
    static final List<Path> NERDCTL_DIRS = List.of(Path.of("/opt/cni/bin"), Path.of("/usr/local/libexec/cni"),
            Path.of("/usr/local/lib/cni"), Path.of("/home/linuxbrew/.linuxbrew/opt/cni-plugins/bin"),
            Path.of("/usr/libexec/cni"), Path.of("/usr/lib/cni"));

    private static final Pattern BANNER = Pattern.compile("CNI firewall plugin v(\\d+)\\.(\\d+)\\.(\\d+)");

    private PluginBinaries() {
    }

    static List<Path> defaultDirs() {
        return NERDCTL_DIRS.stream().filter(Files::isDirectory).findFirst().map(List::of).orElse(NERDCTL_DIRS);
    }

    static Optional<Path> find(List<Path> dirs, String type) {
        return dirs.stream().map(d -> d.resolve(type)).filter(Files::isRegularFile).findFirst();
    }

    static void require(List<Path> dirs, String type) {
        if (find(dirs, type).isEmpty()) {
            String path = dirs.stream().map(Path::toString).collect(Collectors.joining(":"));
            throw PluginException.notFound("needs CNI plugin \"" + type + "\" to be installed in CNI_PATH (\"" + path
                    + "\"), see https://github.com/containernetworking/plugins/releases: stat "
                    + dirs.get(0).resolve(type) + ": no such file or directory", type, dirs);
        }
    }

    /**
     * Whether the firewall plugin knows {@code ingressPolicy: isolated} (v1.7.1 and later), judged like nerdctl from
     * the banner it prints when run without CNI_COMMAND. Debian's build says "version unknown", which counts as old.
     */
    static boolean firewallSupportsIsolated(List<Path> dirs) {
        Optional<Path> fw = find(dirs, "firewall");
        if (fw.isEmpty()) {
            return false;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(fw.get().toString()).redirectErrorStream(true);
            pb.environment().clear();
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = BANNER.matcher(out);
            if (!m.find()) {
                return false;
            }
            int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            return v[0] > 1 || (v[0] == 1 && (v[1] > 7 || (v[1] == 7 && v[2] >= 1)));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
