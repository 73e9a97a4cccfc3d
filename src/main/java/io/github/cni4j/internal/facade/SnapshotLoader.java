package io.github.cni4j.internal.facade;

import io.github.cni4j.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfig;
import io.github.cni4j.config.NetworkConfigList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Snapshot}: loads the explicit network files and the configuration directory, and reports every
 * problem at once in one {@link ConfigException}.
 *
 * <p>Directory rules follow go-cni: files in libcni order ({@code .conf}, {@code .conflist}, {@code .json}, sorted);
 * a list without plugins is skipped; the first {@code maxConfFiles} usable networks are the defaults. A file that
 * fails to load before the defaults are complete is an error (the defaults would otherwise depend on it); bad
 * files after that are remembered and only mentioned when someone asks for a network by name.
 */
public final class SnapshotLoader {

    /** go-cni's loopback network, attached as {@code lo}. */
    public static final String LOOPBACK_NAME = "cni-loopback";
    private static final byte[] LOOPBACK = ("{\"cniVersion\":\"0.3.1\",\"name\":\"" + LOOPBACK_NAME
            + "\",\"plugins\":[{\"type\":\"loopback\"}]}").getBytes(StandardCharsets.UTF_8);

    private SnapshotLoader() {
    }

    /** The built-in loopback network. */
    public static NetworkConfigList loopbackNetwork() {
        return NetworkConfigList.fromBytes(LOOPBACK, LOOPBACK_NAME);
    }

    /**
     * Loads a snapshot.
     *
     * @param s the settings
     * @return the snapshot
     * @throws ConfigException listing every file that could not be loaded and every duplicate name
     */
    public static Snapshot load(Settings s) {
        List<String> problems = new ArrayList<>();
        List<ConfigException> causes = new ArrayList<>();
        Map<String, NetworkConfigList> byName = new LinkedHashMap<>();
        List<NetworkConfigList> explicit = loadExplicit(s.sources(), byName, problems, causes);
        List<NetworkConfigList> defaults = new ArrayList<>(explicit);
        boolean needDefaults = s.sources().isEmpty() && s.defaultNetwork().isEmpty();
        List<ConfigException> skipped = new ArrayList<>();
        for (Path f : ConfLoader.confFiles(s.confDir())) {
            try {
                NetworkConfigList net = f.getFileName().toString().endsWith(".conflist")
                        ? NetworkConfigList.fromFile(f) : NetworkConfigList.of(NetworkConfig.fromFile(f));
                if (net.plugins().isEmpty()) {
                    continue;
                }
                byName.putIfAbsent(net.name(), net);
                if (needDefaults && defaults.size() < s.maxConfFiles()) {
                    defaults.add(net);
                }
            } catch (ConfigException e) {
                if (needDefaults && defaults.size() < s.maxConfFiles()) {
                    problems.add(Failures.messageOf(e));
                    causes.add(e);
                } else {
                    skipped.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Failures.withSuppressed(new ConfigException(7, "cannot load the CNI networks: "
                    + String.join("; ", problems), s.confDir().toString(), 0, 0, null, causes.isEmpty() ? null : causes.get(0)), causes);
        }
        Optional<NetworkConfigList> lo = s.loopback() ? Optional.of(loopbackNetwork()) : Optional.empty();
        return new Snapshot(defaults, byName, lo, s.confDir(), s.defaultNetwork(), skipped);
    }

    private static List<NetworkConfigList> loadExplicit(List<Object> sources, Map<String, NetworkConfigList> byName,
                                                        List<String> problems, List<ConfigException> causes) {
        List<NetworkConfigList> out = new ArrayList<>();
        for (Object src : sources) {
            NetworkConfigList net;
            try {
                net = src instanceof NetworkConfigList n ? n : loadFile((Path) src);
            } catch (ConfigException e) {
                problems.add(Failures.messageOf(e));
                causes.add(e);
                continue;
            }
            if (net.plugins().isEmpty()) {
                problems.add("network \"" + net.name() + "\"" + net.file().map(f -> " in " + f).orElse("")
                        + " has no plugins");
            } else if (byName.containsKey(net.name()) || net.name().equals(LOOPBACK_NAME)) {
                problems.add("network name \"" + net.name() + "\" is used twice"
                        + net.file().map(f -> " (again in " + f + ")").orElse(""));
            } else {
                byName.put(net.name(), net);
                out.add(net);
            }
        }
        return out;
    }

    private static NetworkConfigList loadFile(Path f) {
        return f.getFileName().toString().endsWith(".conflist")
                ? NetworkConfigList.fromFile(f) : NetworkConfigList.of(NetworkConfig.fromFile(f));
    }
}
