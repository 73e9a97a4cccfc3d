package io.github.cni4j.internal.facade;

import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.invoke.PluginExec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@code Cni} is built with: {@code Cni.Builder} fills this builder and {@code build()} checks every
 * setting at once. Defaults follow go-cni.
 */
@Value.Immutable
@CniStyle
public abstract class Settings {

    /** nerdctl's plugin directory search list (without the Homebrew one). */
    private static final List<Path> PLUGIN_DIRS = List.of(Path.of("/opt/cni/bin"), Path.of("/usr/local/libexec/cni"),
            Path.of("/usr/local/lib/cni"), Path.of("/usr/libexec/cni"), Path.of("/usr/lib/cni"));

    Settings() {
    }

    /** A builder with go-cni's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The plugin directories; default the first existing of nerdctl's list. */
    @Value.Default
    public List<Path> pluginDirs() {
        return List.of(PLUGIN_DIRS.stream().filter(Files::isDirectory).findFirst().orElse(PLUGIN_DIRS.get(0)));
    }

    /** The configuration directory. */
    @Value.Default
    public Path confDir() {
        return Path.of("/etc/cni/net.d");
    }

    /** The result cache directory. */
    @Value.Default
    public Path cacheDir() {
        return Path.of("/var/lib/cni");
    }

    /** Explicit networks: {@code NetworkConfigList} values or {@code Path}s to load, in order. */
    public abstract List<Object> sources();

    /** The name of the default network, or {@code ""} for the first one(s) of the directory. */
    @Value.Default
    public String defaultNetwork() {
        return "";
    }

    /** Whether the loopback network is attached first. */
    @Value.Default
    public boolean loopback() {
        return true;
    }

    /** How many non-loopback default networks attach needs. */
    @Value.Default
    public int minNetworks() {
        return 1;
    }

    /** The interface name prefix. */
    @Value.Default
    public String prefix() {
        return IfNames.DEFAULT_PREFIX;
    }

    /** How many networks of the configuration directory are default networks. */
    @Value.Default
    public int maxConfFiles() {
        return 1;
    }

    /** The plugin timeout, else the invoker's. */
    public abstract Optional<Duration> timeout();

    /** The executor, else the invoker's. */
    public abstract Optional<PluginExec> exec();

    /** How cache writes are synced, else the invoker's. */
    public abstract Optional<io.github.cni4j.cache.ResultCache.Sync> cacheSync();

    /** The host IP of port mappings that name none. */
    public abstract Optional<String> defaultHostIp();

    /** Lists every invalid setting in one exception. */
    @Value.Check
    void check() {
        List<String> p = new ArrayList<>();
        problem(p, pluginDirs().isEmpty(), "pluginDirs must name at least one directory");
        problem(p, minNetworks() < 0, "minNetworks must be 0 or more, not " + minNetworks());
        problem(p, maxConfFiles() < 1, "maxConfFiles must be 1 or more, not " + maxConfFiles());
        String prefixProblem = IfNames.checkPrefix(prefix());
        problem(p, prefixProblem != null, prefixProblem);
        timeout().ifPresent(t -> problem(p, t.isNegative() || t.isZero(), "timeout must be positive, not " + t));
        defaultHostIp().ifPresent(ip -> problem(p, !Cidr.isIp(ip),
                "defaultHostIp must be an IP address, not \"" + ip + "\""));
        String dn = defaultNetwork();
        problem(p, !dn.isEmpty() && !CniNames.isValidNetworkName(dn),
                "defaultNetwork \"" + dn + "\" is not a valid network name");
        problem(p, !dn.isEmpty() && !sources().isEmpty(),
                "defaultNetwork and explicit networks exclude each other: the explicit networks are the defaults");
        problem(p, minNetworks() > 1 && !sources().isEmpty() && sources().size() < minNetworks(),
                "minNetworks is " + minNetworks() + " but only " + sources().size() + " network(s) were given");
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid Cni settings: " + String.join("; ", p));
        }
    }

    private static void problem(List<String> problems, boolean bad, String text) {
        if (bad) {
            problems.add(text);
        }
    }

    /** Builds {@link Settings}; not thread-safe. */
    public static final class Builder extends ImmutableSettings.Builder {

        Builder() {
        }
    }
}
