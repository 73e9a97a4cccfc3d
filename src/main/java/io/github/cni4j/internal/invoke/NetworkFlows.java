package io.github.cni4j.internal.invoke;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cni4j.error.CniException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.cache.CacheFiles;
import io.github.cni4j.internal.cache.CacheLocks;
import io.github.cni4j.internal.cache.KeyedLocks;
import io.github.cni4j.internal.config.StdinBytes;
import io.github.cni4j.internal.exec.PluginEnv;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.version.CniVersion;
import io.github.cni4j.version.PluginInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole-network operations: GC, STATUS, validation and VERSION (REFERENCE B.7, B.9).
 *
 * <p>Immutable and thread-safe.
 */
public final class NetworkFlows {

    /**
     * Temp files of atomic cache writes live milliseconds; one this old was left by a writer killed before its
     * rename. The age keeps GC away from another process's write in progress.
     */
    private static final java.time.Duration STALE_TEMP_AGE = java.time.Duration.ofSeconds(30);

    private static final byte[] VERSION_STDIN = "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.US_ASCII);

    private final Flows flows;

    private NetworkFlows(Flows flows) {
        this.flows = flows;
    }

    /**
     * Wires the flows of an invoker from its settings.
     *
     * @param pluginDirs where plugins are looked up, in order
     * @param exec runs plugin binaries, or null for {@link PluginExecs#defaultExec()}
     * @param timeout the timeout of each plugin run
     * @param busyRetryDelay the pause between attempts to run a busy binary
     * @param cacheDir the invoker's cache directory, if set
     * @param sync how cache writes are synced
     * @return the network flows, over new attachment flows
     */
    public static NetworkFlows of(List<Path> pluginDirs, PluginExec exec, Duration timeout, Duration busyRetryDelay,
                                  Optional<Path> cacheDir, ResultCache.Sync sync) {
        // No executor set: the default is looked up only now, as the native one loads JNA (start-up time of CLIs).
        PluginExec run = exec != null ? exec : PluginExecs.defaultExec();
        return new NetworkFlows(new Flows(new PluginRunner(PluginFinder.of(pluginDirs), run, timeout, busyRetryDelay),
                cacheDir, sync));
    }

    /** {@return the attachment flows (ADD, CHECK, DEL) and the cache these run over} */
    public Flows flows() {
        return flows;
    }

    /**
     * GC: DEL every cached attachment of the network that is not valid, then (version ≥ 1.1.0) send GC to each
     * plugin. All errors are collected and thrown together.
     *
     * @param net the network
     * @param args the valid attachments; empty means "no GC arguments" (everything cached is stale, no keys sent)
     */
    public void gc(Net net, Optional<List<GcAttachment>> args) {
        if (net.disableGC()) {
            return;
        }
        ResultCache cache = flows.cache(Optional.empty());
        List<CniException> errors = new ArrayList<>();
        try (KeyedLocks.Held held = CacheLocks.network(cache.dir(), net.name(), true)) {
            deleteStale(cache, net, args, errors);
            CacheFiles.removeStaleTempFiles(cache.dir().resolve("results"), net.name(), STALE_TEMP_AGE);
            if (atLeast(net.cniVersion(), CniVersion.V1_1_0)) {
                gcPlugins(net, args, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw Failures.join(errors);
        }
    }

    private void deleteStale(ResultCache cache, Net net, Optional<List<GcAttachment>> args, List<CniException> errors) {
        List<CachedAttachment> entries;
        try {
            entries = cache.attachments();
        } catch (CniException e) {
            return;
        }
        Set<GcAttachment> valid = Set.copyOf(args.orElse(List.of()));
        for (CachedAttachment a : entries) {
            if (!a.networkName().equals(net.name()) || valid.contains(new GcAttachment(a.containerId(), a.ifName()))) {
                continue;
            }
            try {
                flows.delLocked(cache, net, CachedResults.runtimeConf(a));
            } catch (CniException e) {
                errors.add(Failures.wrap("failed to delete stale attachment " + a.containerId() + " " + a.ifName()
                        + ": ", e));
            }
        }
    }

    private void gcPlugins(Net net, Optional<List<GcAttachment>> args, List<CniException> errors) {
        ArrayNode valid = null;
        if (args.isPresent()) {
            valid = JsonNodeFactory.instance.arrayNode();
            for (GcAttachment a : args.get()) {
                valid.addObject().put("containerID", a.containerId()).put("ifname", a.ifName());
            }
        }
        String cniPath = flows.runner().finder().cniPath();
        for (PluginConfig plugin : net.plugins()) {
            try {
                Path path = flows.runner().finder().find(plugin.type());
                byte[] stdin = StdinBytes.forGc(plugin, net.name(), net.cniVersion(), valid);
                flows.runner().run(plugin.type(), path, "GC", stdin, PluginEnv.of("GC", "", "", "", "", cniPath));
            } catch (CniException e) {
                errors.add(Failures.wrap("failed to GC plugin " + plugin.type() + ": ", e));
            }
        }
    }

    /**
     * STATUS: for version ≥ 1.1.0 each plugin in order; the first failure is thrown as is (codes 50/51 intact).
     *
     * @param net the network
     */
    public void status(Net net) {
        if (!atLeast(net.cniVersion(), CniVersion.V1_1_0)) {
            return;
        }
        String cniPath = flows.runner().finder().cniPath();
        for (PluginConfig plugin : net.plugins()) {
            Path path = flows.runner().finder().find(plugin.type());
            byte[] stdin = StdinBytes.forStatus(plugin, net.name(), net.cniVersion());
            flows.runner().run(plugin.type(), path, "STATUS", stdin, PluginEnv.of("STATUS", "", "", "", "", cniPath));
        }
    }

    private static boolean atLeast(String version, CniVersion min) {
        try {
            return CniVersion.parse(version).isAtLeast(min);
        } catch (CniException e) {
            return false;
        }
    }

    /**
     * VERSION: asks a plugin which spec versions it supports.
     *
     * @param type the plugin type
     * @return the answer ({@link PluginInfo#legacy()} for plugins that do not know VERSION)
     */
    public PluginInfo versionInfo(String type) {
        Path path = flows.runner().finder().find(type);
        byte[] out;
        try {
            // libcni fills the variables that old plugins require with "dummy".
            out = flows.runner().run(type, path, "VERSION", VERSION_STDIN,
                    PluginEnv.of("VERSION", "", "dummy", "dummy", "", "dummy"));
        } catch (PluginException e) {
            if (e.getMessage().equals("unknown CNI_COMMAND: VERSION")) {
                return PluginInfo.legacy();
            }
            throw e;
        }
        try {
            return PluginInfo.fromBytes(out);
        } catch (CniException e) {
            throw new PluginException(e.code(), e.msg(), e.details().orElse(null), type, path.toString(), "VERSION",
                    0, 0, "", e);
        }
    }

    /**
     * Validation as libcni's {@code ValidateNetworkList}: every plugin exists and supports the version.
     *
     * @param net the network
     * @return the names of the capabilities some plugin enables, sorted
     */
    public Set<String> validate(Net net) {
        String expected = net.cniVersion().isEmpty() ? "0.1.0" : net.cniVersion();
        List<String> errors = new ArrayList<>();
        java.util.SortedSet<String> caps = new TreeSet<>();
        for (PluginConfig plugin : net.plugins()) {
            try {
                if (!versionInfo(plugin.type()).supportedVersions().contains(expected)) {
                    errors.add("plugin " + plugin.type() + " does not support config version \"" + expected + "\"");
                }
            } catch (CniException e) {
                errors.add(e.getMessage());
            }
            plugin.capabilities().forEach((name, on) -> {
                if (on) {
                    caps.add(name);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION, "[" + String.join(" ", errors) + "]");
        }
        return java.util.Collections.unmodifiableSortedSet(caps);
    }
}
