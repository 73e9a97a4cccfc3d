package io.github.cni4j.internal.invoke;

import io.github.cni4j.internal.json.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.CniException;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.cache.CacheLocks;
import io.github.cni4j.internal.cache.KeyedLocks;
import io.github.cni4j.internal.config.StdinBytes;
import io.github.cni4j.internal.exec.PluginEnv;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * ADD, CHECK and DEL of one attachment, with libcni's flows (REFERENCE B.7) and cni4j's locking: operations on one
 * (cache dir, network, container, interface) are serialized, GC of a network excludes them all.
 *
 * <p>Immutable and thread-safe.
 */
public final class Flows {

    private final PluginRunner runner;
    private final Optional<Path> cacheDir;
    private final ResultCache.Sync sync;

    /**
     * Creates the flows.
     *
     * @param runner runs plugins
     * @param cacheDir the invoker's cache directory, if set (it wins over {@link RuntimeConf#cacheDir()})
     * @param sync how cache writes are synced
     */
    public Flows(PluginRunner runner, Optional<Path> cacheDir, ResultCache.Sync sync) {
        this.runner = runner;
        this.cacheDir = cacheDir;
        this.sync = sync;
    }

    /** The runner. @return the runner */
    public PluginRunner runner() {
        return runner;
    }

    /**
     * The cache of a call: the invoker's dir, else the runtime conf's, else {@code /var/lib/cni}.
     *
     * @param rt the runtime conf, if any
     * @return the cache
     */
    public ResultCache cache(Optional<RuntimeConf> rt) {
        return ResultCache.of(cacheDir.or(() -> rt.flatMap(RuntimeConf::cacheDir)).orElse(ResultCache.DEFAULT_DIR))
                .withSync(sync);
    }

    private static KeyedLocks.Held lockAttachment(ResultCache cache, Net net, RuntimeConf rt) {
        return CacheLocks.attachment(cache.dir(), net.name(), rt.containerId(), rt.ifName());
    }

    /**
     * ADD: every plugin in order, each result the next one's {@code prevResult}; the final result is cached.
     *
     * @param net the network
     * @param rt the runtime conf
     * @return the last plugin's result, in its own version
     */
    public Result add(Net net, RuntimeConf rt) {
        ResultCache cache = cache(Optional.of(rt));
        Preflight.args(rt);
        try (KeyedLocks.Held held = lockAttachment(cache, net, rt)) {
            JsonNode caps = JsonValues.toTree(rt.capabilityArgs());
            String cniArgs = PluginEnv.cniArgs(rt.args());
            Result result = null;
            boolean first = true;
            for (PluginConfig plugin : net.plugins()) {
                try {
                    result = addOne(cache, net, plugin, rt, caps, cniArgs, result, first);
                    first = false;
                } catch (CniException e) {
                    throw Failures.wrap("plugin " + Failures.describe(plugin) + " failed (add): ", e);
                }
            }
            if (result == null) {
                result = Result.fromBytes(("{\"cniVersion\":\"" + net.cniVersion() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            writeCache(cache, net, rt, result);
            return result;
        }
    }

    private Result addOne(ResultCache cache, Net net, PluginConfig plugin, RuntimeConf rt, JsonNode caps,
            String cniArgs, Result prev, boolean first) {
        Path path = runner.finder().find(plugin.type());
        if (first) {
            // libcni validates these after each plugin's lookup; the values never change, so once suffices.
            CniNames.validateContainerId(rt.containerId());
            CniNames.validateNetworkName(net.name());
            CniNames.validateInterfaceName(rt.ifName());
            Preflight.cacheNameFits(cache, net, rt);
        }
        byte[] stdin = StdinBytes.forAddCheckDel(plugin, net.name(), net.cniVersion(),
                prev == null ? null : prev.toBytes(), caps);
        byte[] out = runner.run(plugin.type(), path, "ADD", stdin, rt.containerId(), rt.netNs(), rt.ifName(), cniArgs);
        return PluginFailures.result(plugin.type(), path, out, net.cniVersion());
    }

    private static void writeCache(ResultCache cache, Net net, RuntimeConf rt, Result result) {
        CachedAttachment entry = CachedAttachment.builder().containerId(rt.containerId()).networkName(net.name())
                .ifName(rt.ifName()).config(net.bytes()).netNs(rt.netNs()).cniArgs(rt.args())
                .capabilityArgs(rt.capabilityArgs()).result(result).build();
        try {
            cache.put(entry);
        } catch (CniException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to set network \"" + net.name() + "\" cached result: " + e.getMessage(), null, e);
        }
    }

    /**
     * CHECK: needs version ≥ 0.4.0, honours {@code disableCheck}, gives every plugin the cached result.
     *
     * @param net the network
     * @param rt the runtime conf
     * @param honourDisable whether {@code disableCheck} applies (lists) or not (single configs)
     */
    public void check(Net net, RuntimeConf rt, boolean honourDisable) {
        CniVersion v = CniVersion.parse(net.cniVersion());
        if (!v.isAtLeast(CniVersion.V0_4_0)) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION, "configuration version \"" + net.cniVersion()
                    + "\" does not support the CHECK command");
        }
        if (honourDisable && net.disableCheck()) {
            return;
        }
        ResultCache cache = cache(Optional.of(rt));
        Preflight.args(rt);
        Preflight.noEscape(net, rt);
        try (KeyedLocks.Held held = lockAttachment(cache, net, rt)) {
            Optional<Result> cached;
            try {
                cached = CachedResults.load(cache, net, rt);
            } catch (CniException e) {
                throw Failures.wrap("failed to get network \"" + net.name() + "\" cached result: ", asCache(e));
            }
            byte[] prev = cached.map(Result::toBytes).orElse(null);
            JsonNode caps = JsonValues.toTree(rt.capabilityArgs());
            String cniArgs = PluginEnv.cniArgs(rt.args());
            for (PluginConfig plugin : net.plugins()) {
                Path path = runner.finder().find(plugin.type());
                byte[] stdin = StdinBytes.forAddCheckDel(plugin, net.name(), net.cniVersion(), prev, caps);
                runner.run(plugin.type(), path, "CHECK", stdin, rt.containerId(), rt.netNs(), rt.ifName(), cniArgs);
            }
        }
    }

    private static CniException asCache(CniException e) {
        return CachedResults.isCacheFailure(e) ? e
                : new CniException(CniException.IO_FAILURE, e.getMessage(), null, e);
    }

    /**
     * DEL: plugins in reverse order with the cached result (a bad entry is removed and ignored); the entry is
     * removed after success.
     *
     * @param net the network
     * @param rt the runtime conf
     */
    public void del(Net net, RuntimeConf rt) {
        ResultCache cache = cache(Optional.of(rt));
        Preflight.args(rt);
        Preflight.noEscape(net, rt);
        try (KeyedLocks.Held held = lockAttachment(cache, net, rt)) {
            delLocked(cache, net, rt);
        }
    }

    void delLocked(ResultCache cache, Net net, RuntimeConf rt) {
        CniVersion v = CniVersion.parse(net.cniVersion());
        byte[] prev = null;
        if (v.isAtLeast(CniVersion.V0_4_0)) {
            prev = cachedForDel(cache, net, rt);
        }
        JsonNode caps = JsonValues.toTree(rt.capabilityArgs());
        String cniArgs = PluginEnv.cniArgs(rt.args());
        List<PluginConfig> plugins = net.plugins();
        for (int i = plugins.size() - 1; i >= 0; i--) {
            PluginConfig plugin = plugins.get(i);
            try {
                Path path = runner.finder().find(plugin.type());
                byte[] stdin = StdinBytes.forAddCheckDel(plugin, net.name(), net.cniVersion(), prev, caps);
                runner.run(plugin.type(), path, "DEL", stdin, rt.containerId(), rt.netNs(), rt.ifName(), cniArgs);
            } catch (CniException e) {
                throw Failures.wrap("plugin type=\"" + plugin.type() + "\" failed (delete): ", e);
            }
        }
        removeQuietly(cache, net, rt);
    }

    /** libcni drops a cache entry it cannot use and deletes without prevResult (E: never block DEL). */
    private static byte[] cachedForDel(ResultCache cache, Net net, RuntimeConf rt) {
        try {
            return CachedResults.load(cache, net, rt).map(Result::toBytes).orElse(null);
        } catch (CniException | IllegalArgumentException e) {
            System.getLogger("io.github.cni4j.invoke").log(System.Logger.Level.WARNING,
                    "ignoring unusable cached result of " + net.name() + "/" + rt.containerId() + "/" + rt.ifName()
                            + ": " + e.getMessage());
            removeQuietly(cache, net, rt);
            return null;
        }
    }

    private static void removeQuietly(ResultCache cache, Net net, RuntimeConf rt) {
        try {
            cache.remove(net.name(), rt.containerId(), rt.ifName());
        } catch (CniException e) {
            // libcni ignores failures to remove the entry (including an empty name part).
        }
    }
}
