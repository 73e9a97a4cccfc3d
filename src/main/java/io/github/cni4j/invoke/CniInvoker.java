package io.github.cni4j.invoke;

import io.github.cni4j.error.CniException;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.invoke.CachedResults;
import io.github.cni4j.internal.invoke.Net;
import io.github.cni4j.internal.invoke.NetworkFlows;
import io.github.cni4j.internal.invoke.PluginRunner;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.PluginInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs CNI plugins with Go libcni's semantics (its {@code CNIConfig}), with its result cache. A failed ADD is not
 * rolled back (as in libcni): the caller must DEL, which works after a failed or partial ADD.
 * <pre>{@code
 * CniInvoker invoker = CniInvoker.builder().pluginDirs(Path.of("/usr/lib/cni"))
 *         .cacheDir(Path.of("/var/lib/cni")).timeout(Duration.ofSeconds(30)).build();
 * NetworkConfigList list = NetworkConfigList.fromFile(Path.of("/etc/cni/net.d/10-mynet.conflist"));
 * RuntimeConf rt = RuntimeConf.builder().containerId("ctr1").netNs("/var/run/netns/ctr1").ifName("eth0").build();
 * Result result = invoker.add(list, rt);
 * invoker.check(list, rt);
 * invoker.del(list, rt);
 * }</pre>
 * <p>Immutable and thread-safe. Operations on one (cache dir, network, container, interface) are serialized; GC of
 * a network excludes its ADD/CHECK/DEL, across processes too ({@code <cacheDir>/locks/<network>.lock}).
 */
public final class CniInvoker {

    private final NetworkFlows ops;

    private CniInvoker(Builder b) {
        this.ops = NetworkFlows.of(b.pluginDirs, b.exec, b.timeout, b.busyRetryDelay, b.cacheDir, b.cacheSync);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the last plugin's result (in its own version) of ADD, which attaches the container and caches it}
     * @param list the network
     * @param rt the attachment
     * @throws io.github.cni4j.error.PluginException {@code plugin type="<type>"[ name="<name>"] failed (add): <err>}
     * @throws io.github.cni4j.error.ConfigException before any plugin runs, for an invalid container ID, network or
     *         interface name, a cache file name over 255 bytes, or CNI_ARGS holding {@code ;}, NUL or a key's {@code =}
     * @throws CniException (code 5) when the result cannot be cached (the plugins' work stays applied)
     */
    public Result add(NetworkConfigList list, RuntimeConf rt) {
        return ops.flows().add(Net.of(list), rt);
    }

    /**
     * {@return the plugin's result of an ADD of a single-plugin configuration (caching its own bytes)}
     * @param conf the configuration
     * @param rt the attachment
     */
    public Result add(PluginConfig conf, RuntimeConf rt) {
        return ops.flows().add(Net.of(conf), rt);
    }

    /**
     * CHECK: asks every plugin whether the attachment is as ADD left it.
     * @param list the network
     * @param rt the attachment
     * @throws io.github.cni4j.error.CniException (code 1) for versions before 0.4.0
     * @throws io.github.cni4j.error.PluginException the first plugin failure, unwrapped
     * @throws CniException (code 5) {@code failed to get network "<name>" cached result: <err>}
     */
    public void check(NetworkConfigList list, RuntimeConf rt) {
        ops.flows().check(Net.of(list), rt, true);
    }

    /**
     * CHECK of a single-plugin configuration.
     * @param conf the configuration
     * @param rt the attachment
     */
    public void check(PluginConfig conf, RuntimeConf rt) {
        ops.flows().check(Net.of(conf), rt, false);
    }

    /**
     * DEL: detaches the container; safe to repeat and after a failed ADD.
     * @param list the network
     * @param rt the attachment
     * @throws io.github.cni4j.error.PluginException {@code plugin type="<type>" failed (delete): <err>}, entry kept
     * @throws io.github.cni4j.error.ConfigException before anything runs, for a name holding {@code /} or NUL
     */
    public void del(NetworkConfigList list, RuntimeConf rt) {
        ops.flows().del(Net.of(list), rt);
    }

    /**
     * DEL of a single-plugin configuration.
     * @param conf the configuration
     * @param rt the attachment
     */
    public void del(PluginConfig conf, RuntimeConf rt) {
        ops.flows().del(Net.of(conf), rt);
    }

    /**
     * GC: DELs the network's other cached attachments, then sends GC (1.1.0+) with {@code cni.dev/valid-attachments}
     * and {@code cni.dev/attachments} (an empty collection as {@code []}, where Go sends {@code null}).
     * @param list the network
     * @param validAttachments the attachments to keep
     * @throws io.github.cni4j.error.CniException all failures joined (newline-separated), the others suppressed
     */
    public void gc(NetworkConfigList list, Collection<GcAttachment> validAttachments) {
        ops.gc(Net.of(list), Optional.of(List.copyOf(validAttachments)));
    }

    /**
     * GC without arguments (libcni's nil {@code GCArgs}): all cached attachments are stale, no keys are sent.
     * @param list the network
     */
    public void gc(NetworkConfigList list) {
        ops.gc(Net.of(list), Optional.empty());
    }

    /**
     * STATUS: whether the network is ready for ADD (version 1.1.0+; earlier versions always succeed).
     * @param list the network
     * @throws io.github.cni4j.error.PluginException the first failure, e.g. code 50 (plugin not available) or 51
     */
    public void status(NetworkConfigList list) {
        ops.status(Net.of(list));
    }

    /**
     * Validates a network as libcni's {@code ValidateNetworkList}: each plugin exists and supports the version.
     * @param list the network
     * @return the capabilities some plugin enables, sorted
     * @throws io.github.cni4j.error.CniException (code 1) all problems, as {@code [<e1> <e2>]}
     */
    public Set<String> validate(NetworkConfigList list) {
        return ops.validate(Net.of(list));
    }

    /**
     * {@return which spec versions a plugin supports: its VERSION answer to stdin {@code {"cniVersion":"1.1.0"}}}
     * @param pluginType the plugin type
     */
    public PluginInfo versionInfo(String pluginType) {
        return ops.versionInfo(pluginType);
    }

    /**
     * {@return the cached result of an attachment, converted to the network's version; empty when nothing is cached}
     * @param list the network
     * @param rt the attachment
     * @throws CniException (code 5) when the entry exists but cannot be used
     */
    public Optional<Result> cachedResult(NetworkConfigList list, RuntimeConf rt) {
        return CachedResults.load(ops.flows().cache(Optional.of(rt)), Net.of(list), rt);
    }

    /**
     * The cached entry of an attachment, its {@code cniArgs} the caller's when it records none (libcni's
     * {@code GetNetworkListCachedConfig}); repeat it with {@code rt.toBuilder().args(a.cniArgs()).capabilityArgs(…)}.
     * @param list the network
     * @param rt the attachment
     * @return the entry, empty when nothing is cached
     * @throws CniException (code 5) when the entry exists but cannot be used
     */
    public Optional<CachedAttachment> cachedConfig(NetworkConfigList list, RuntimeConf rt) {
        return CachedResults.loadConfig(ops.flows().cache(Optional.of(rt)), list.name(), rt);
    }

    /**
     * The cached attachments of a container, across networks (libcni's {@code GetCachedAttachments}).
     * @param containerId the container ID; empty for all containers
     * @return the entries, sorted by file name; unreadable entries are skipped
     */
    public List<CachedAttachment> cachedAttachments(String containerId) {
        return CachedResults.attachments(ops.flows().cache(Optional.empty()), containerId);
    }

    /**
     * One attachment still in use, for {@link #gc(NetworkConfigList, Collection)}: libcni's {@code GCAttachment}, sent
     * to plugins as {@code {"containerID":…,"ifname":…}}. Immutable and thread-safe.
     * <pre>{@code
     * invoker.gc(list, List.of(new GcAttachment("ctr1", "eth0")));
     * }</pre>
     * @param containerId the container ID
     * @param ifName the interface name
     */
    public record GcAttachment(String containerId, String ifName) {
        /**
         * Checks that neither part is null.
         * @param containerId the container ID
         * @param ifName the interface name
         */
        public GcAttachment {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(ifName, "ifName");
        }
    }

    /**
     * Builds a {@link CniInvoker}. Not thread-safe; the invoker it builds is.
     * <pre>{@code
     * CniInvoker invoker = CniInvoker.builder().pluginDirs(Path.of("/opt/cni/bin")).build();
     * }</pre>
     */
    public static final class Builder {
        private List<Path> pluginDirs = List.of(Path.of("/opt/cni/bin"));
        private Optional<Path> cacheDir = Optional.empty();
        private ResultCache.Sync cacheSync = ResultCache.Sync.FILE_AND_DIRECTORY;
        private PluginExec exec; // unset: the default, found at build() (the native one loads JNA)
        private Duration timeout = Duration.ofMinutes(5);
        private Duration busyRetryDelay = Duration.ofSeconds(1);
        private Builder() { }

        /**
         * {@return this builder, with the plugin directories, {@code CNI_PATH}, set (default {@code /opt/cni/bin})}
         * @param pluginDirs the directories, searched in order
         */
        public Builder pluginDirs(Path... pluginDirs) {
            return pluginDirs(List.of(pluginDirs));
        }

        /**
         * {@return this builder, with the plugin directories set as by {@link #pluginDirs(Path...)}}
         * @param pluginDirs the directories
         */
        public Builder pluginDirs(List<Path> pluginDirs) {
            this.pluginDirs = List.copyOf(pluginDirs);
            return this;
        }

        /**
         * {@return this builder, with the cache directory set (default: {@link RuntimeConf#cacheDir()}, else
         * {@code /var/lib/cni})}
         * @param cacheDir the directory
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Optional.of(Objects.requireNonNull(cacheDir, "cacheDir"));
            return this;
        }

        /**
         * Sets what a cache write waits for (default {@link ResultCache.Sync#FILE_AND_DIRECTORY}, crash-safe;
         * {@link ResultCache.Sync#NONE} is Go libcni's behaviour).
         * @param sync the sync level
         * @return this builder
         */
        public Builder cacheSync(ResultCache.Sync sync) {
            this.cacheSync = Objects.requireNonNull(sync, "sync");
            return this;
        }

        /**
         * Sets the executor (default {@link PluginExecs#defaultExec()}: native {@code posix_spawn} where available).
         * @param exec the executor
         * @return this builder
         */
        public Builder exec(PluginExec exec) {
            this.exec = Objects.requireNonNull(exec, "exec");
            return this;
        }

        /**
         * {@return this builder, with the timeout of each plugin run set (default 5 minutes)}
         * @param timeout a positive duration
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = PluginRunner.checkTimeout(timeout);
            return this;
        }

        /**
         * Sets the pause between the six attempts to run a busy binary ({@code text file busy}; default 1 s).
         * @param delay the pause, zero or positive
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder busyRetryDelay(Duration delay) {
            this.busyRetryDelay = PluginRunner.checkDelay(delay);
            return this;
        }

        /** {@return the invoker built from these settings} */
        public CniInvoker build() {
            return new CniInvoker(this);
        }
    }
}
