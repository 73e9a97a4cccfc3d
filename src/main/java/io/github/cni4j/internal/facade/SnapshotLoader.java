package io.github.cni4j.internal.facade;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.invoke.Failures;
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
 * files after that are remembered and only mentioned when someone asks for a network by name. A named
 * {@code defaultNetwork} that is not among the usable networks is an error too.
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

    /** Loads a snapshot.
     * @param s the settings
     * @return the snapshot
     * @throws ConfigException listing every file that could not be loaded and every duplicate name */
    public static Snapshot load(Settings s) {
        Loading l = new Loading();
        loadExplicit(s.sources(), l);
        boolean needDefaults = s.sources().isEmpty() && s.defaultNetwork().isEmpty();
        int explicitProblems = l.problems.size();
        for (Path f : ConfLoader.confFiles(s.confDir())) {
            boolean decidesDefaults = needDefaults && l.defaults.size() < s.maxConfFiles();
            try {
                NetworkConfigList net = loadFile(f);
                if (!net.plugins().isEmpty()) {
                    l.byName.putIfAbsent(net.name(), net);
                    if (decidesDefaults) {
                        l.defaults.add(net);
                    }
                }
            } catch (ConfigException e) {
                if (decidesDefaults) {
                    l.problem(Failures.messageOf(e), e);
                } else {
                    l.skipped.add(e);
                }
            }
        }
        checkDefaultNetwork(s, l);
        if (!l.problems.isEmpty()) {
            ConfigException first = l.causes.isEmpty() ? null : l.causes.get(0);
            // Name the conf dir only when a problem was found there, not for the networks the caller gave.
            boolean fromConfDir = l.problems.size() > explicitProblems;
            throw Failures.withSuppressed(new ConfigException(7, "cannot load the CNI networks: "
                    + String.join("; ", l.problems), fromConfDir ? s.confDir().toString() : null, 0, 0, null, first),
                    l.causes);
        }
        Optional<NetworkConfigList> lo = s.loopback() ? Optional.of(loopbackNetwork()) : Optional.empty();
        return new Snapshot(l.defaults, l.byName, lo, s.confDir(), s.defaultNetwork(), l.skipped);
    }

    /** A named default network must be one of the directory's usable networks when the snapshot is taken. */
    private static void checkDefaultNetwork(Settings s, Loading l) {
        String name = s.defaultNetwork();
        if (name.isEmpty() || l.byName.containsKey(name)) {
            return;
        }
        String known = "defaultNetwork \"" + name + "\" is not among the known networks "
                + l.byName.keySet().stream().map(n -> "\"" + n + "\"").toList() + ": ";
        try {
            ConfLoader.loadConfList(s.confDir(), name);
            l.problem(known + "it has no plugins", null);
        } catch (ConfigException e) {
            l.problem(known + Failures.messageOf(e), e);
        }
    }

    /** Explicit networks are the defaults, in the order given; every problem is collected. */
    private static void loadExplicit(List<Object> sources, Loading l) {
        for (Object src : sources) {
            NetworkConfigList net;
            try {
                net = src instanceof NetworkConfigList n ? n : loadFile((Path) src);
            } catch (ConfigException e) {
                l.problem(Failures.messageOf(e), e);
                continue;
            }
            String where = net.file().map(f -> " in " + f).orElse("");
            if (net.plugins().isEmpty()) {
                l.problem("network \"" + net.name() + "\"" + where + " has no plugins", null);
            } else if (l.byName.containsKey(net.name()) || net.name().equals(LOOPBACK_NAME)) {
                l.problem("network name \"" + net.name() + "\" is used twice" + where, null);
            } else {
                l.byName.put(net.name(), net);
                l.defaults.add(net);
            }
        }
    }

    private static NetworkConfigList loadFile(Path f) {
        return f.getFileName().toString().endsWith(".conflist")
                ? NetworkConfigList.fromFile(f) : NetworkConfigList.of(PluginConfig.fromFile(f));
    }

    /** What a load collects on its way. */
    private static final class Loading {
        final List<NetworkConfigList> defaults = new ArrayList<>();
        final Map<String, NetworkConfigList> byName = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        final List<ConfigException> causes = new ArrayList<>();
        final List<ConfigException> skipped = new ArrayList<>();

        void problem(String text, ConfigException cause) {
            problems.add(text);
            if (cause != null) {
                causes.add(cause);
            }
        }
    }
}
