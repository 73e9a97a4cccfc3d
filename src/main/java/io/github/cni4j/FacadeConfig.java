package io.github.cni4j;

import io.github.cni4j.config.CniNames;
import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.IfNames;
import io.github.cni4j.internal.facade.InvokerOps;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.facade.Settings;
import io.github.cni4j.invoke.PluginExec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The mutable state of a {@link Cni.Builder}, checked all at once by {@link #engine()}. */
final class FacadeConfig {

    /** nerdctl's plugin directory search list (without the Homebrew one). */
    private static final List<Path> PLUGIN_DIR_CANDIDATES = List.of(Path.of("/opt/cni/bin"),
            Path.of("/usr/local/libexec/cni"), Path.of("/usr/local/lib/cni"), Path.of("/usr/libexec/cni"),
            Path.of("/usr/lib/cni"));

    List<Path> pluginDirs;
    Path confDir = Path.of("/etc/cni/net.d");
    Path cacheDir = Path.of("/var/lib/cni");
    final List<Object> sources = new ArrayList<>();
    String defaultNetwork = "";
    boolean loopback = true;
    int minNetworks = 1;
    String prefix = IfNames.DEFAULT_PREFIX;
    int maxConfFiles = 1;
    Duration timeout;
    PluginExec exec;
    String defaultHostIp = "";

    Engine engine() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Cni settings: " + String.join("; ", problems));
        }
        List<Path> dirs = pluginDirs != null ? pluginDirs : List.of(defaultPluginDir());
        Settings settings = new Settings(confDir, sources, loopback, minNetworks, prefix, maxConfFiles,
                defaultHostIp, defaultNetwork);
        return new Engine(InvokerOps.create(dirs, cacheDir, timeout, exec), settings);
    }

    private List<String> problems() {
        List<String> p = new ArrayList<>();
        if (pluginDirs != null && pluginDirs.isEmpty()) {
            p.add("pluginDirs must name at least one directory");
        }
        if (minNetworks < 0) {
            p.add("minNetworks must be 0 or more, not " + minNetworks);
        }
        if (maxConfFiles < 1) {
            p.add("maxConfFiles must be 1 or more, not " + maxConfFiles);
        }
        String prefixProblem = IfNames.checkPrefix(prefix);
        if (prefixProblem != null) {
            p.add(prefixProblem);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            p.add("timeout must be positive, not " + timeout);
        }
        if (!defaultHostIp.isEmpty() && !Cidr.isIp(defaultHostIp)) {
            p.add("defaultHostIp must be an IP address, not \"" + defaultHostIp + "\"");
        }
        if (!defaultNetwork.isEmpty() && !CniNames.isValidNetworkName(defaultNetwork)) {
            p.add("defaultNetwork \"" + defaultNetwork + "\" is not a valid network name");
        }
        if (!defaultNetwork.isEmpty() && !sources.isEmpty()) {
            p.add("defaultNetwork and explicit networks exclude each other: the explicit networks are the defaults");
        }
        if (minNetworks > 1 && !sources.isEmpty() && sources.size() < minNetworks) {
            p.add("minNetworks is " + minNetworks + " but only " + sources.size() + " network(s) were given");
        }
        return p;
    }

    private static Path defaultPluginDir() {
        for (Path d : PLUGIN_DIR_CANDIDATES) {
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        return PLUGIN_DIR_CANDIDATES.get(0);
    }
}
