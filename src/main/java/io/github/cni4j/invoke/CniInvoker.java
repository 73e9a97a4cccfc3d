package io.github.cni4j.invoke;

import io.github.cni4j.error.CacheException;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.config.NetworkConfig;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.cache.CacheFiles;
import io.github.cni4j.internal.invoke.CachedResults;
import io.github.cni4j.internal.invoke.Flows;
import io.github.cni4j.internal.invoke.Net;
import io.github.cni4j.internal.invoke.NetworkFlows;
import io.github.cni4j.internal.invoke.PluginRunner;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.PluginInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs CNI plugins with Go libcni's semantics (its {@code CNIConfig}): ADD, CHECK, DEL, GC, STATUS, VERSION and
 * validation of network configuration lists, plus the libcni-compatible result cache.
 *
 * <p>ADD runs the plugins in order, each getting the previous result as {@code prevResult}, and caches the final
 * result; a failed ADD is <b>not</b> rolled back here (as in libcni): the caller must DEL, which works after a failed
 * or partial ADD. DEL runs the plugins in reverse with the cached result, tolerates a missing or unusable cache entry
 * and removes it. CHECK needs version 0.4.0 or later and honours {@code disableCheck}. GC deletes stale cached
 * attachments of the network and, from 1.1.0, sends GC to the plugins; it honours {@code disableGC}. Every plugin
 * run has a timeout, after which the plugin and its descendants are killed.
 *
 * <pre>{@code
 * CniInvoker invoker = CniInvoker.builder()
 *         .pluginDirs(List.of(Path.of("/usr/lib/cni")))
 *         .cacheDir(Path.of("/var/lib/cni"))
 *         .timeout(Duration.ofSeconds(30))
 *         .build();
 * NetworkConfigList list = NetworkConfigList.fromFile(Path.of("/etc/cni/net.d/10-mynet.conflist"));
 * RuntimeConf rt = RuntimeConf.builder().containerId("ctr1").netNs("/var/run/netns/ctr1").ifName("eth0").build();
 * Result result = invoker.add(list, rt);
 * invoker.check(list, rt);
 * invoker.del(list, rt);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Operations on the same (cache dir, network, container, interface) are serialized,
 * others run in parallel; GC of a network waits for, and blocks, that network's ADD/CHECK/DEL. Across processes an
 * advisory lock file per network ({@code <cacheDir>/locks/<network>.lock}) keeps GC exclusive among cni4j users.
 */
public final class CniInvoker {

    /** The default per-run timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final PluginFinder finder;
    private final Flows flows;
    private final NetworkFlows networkFlows;
    private final Duration timeout;

    private CniInvoker(Builder b) {
        this.finder = PluginFinder.of(b.pluginDirs);
        this.timeout = b.timeout;
        this.flows = new Flows(new PluginRunner(finder, b.exec, b.timeout, b.busyRetryDelay),
                Optional.ofNullable(b.cacheDir));
        this.networkFlows = new NetworkFlows(flows);
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The plugin lookup of this invoker.
     *
     * @return the finder
     */
    public PluginFinder finder() {
        return finder;
    }

    /**
     * The per-run timeout.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * ADD: attaches the container to the network and caches the result.
     *
     * @param list the network
     * @param rt the attachment
     * @return the last plugin's result, in its own version
     * @throws io.github.cni4j.error.PluginException when a plugin fails (message
     *         {@code plugin type="<type>"[ name="<name>"] failed (add): <err>}, the plugin's code kept)
     * @throws io.github.cni4j.error.PluginNotFoundException when a binary is missing
     * @throws io.github.cni4j.error.ConfigException when the container ID, network or interface name is invalid, their
     *         cache file name would pass 255 bytes, or a CNI_ARGS key or value contains {@code =}, {@code ;}, NUL or
     *         a line break (all checked before any plugin runs)
     * @throws io.github.cni4j.error.PluginTimeoutException when a plugin passes the timeout
     * @throws CacheException when the result cannot be cached (the plugins' work stays applied)
     */
    public Result add(NetworkConfigList list, RuntimeConf rt) {
        return flows.add(Net.of(list), rt);
    }

    /**
     * ADD of a single-plugin configuration (its own bytes are cached).
     *
     * @param conf the configuration
     * @param rt the attachment
     * @return the plugin's result
     */
    public Result add(NetworkConfig conf, RuntimeConf rt) {
        return flows.add(Net.of(conf), rt);
    }

    /**
     * CHECK: asks every plugin whether the attachment is as ADD left it.
     *
     * @param list the network
     * @param rt the attachment
     * @throws io.github.cni4j.error.IncompatibleVersionException for versions before 0.4.0:
     *         {@code configuration version "<v>" does not support the CHECK command}
     * @throws io.github.cni4j.error.PluginException the first plugin failure, unwrapped
     * @throws CacheException {@code failed to get network "<name>" cached result: <err>}
     */
    public void check(NetworkConfigList list, RuntimeConf rt) {
        flows.check(Net.of(list), rt, true);
    }

    /**
     * CHECK of a single-plugin configuration.
     *
     * @param conf the configuration
     * @param rt the attachment
     */
    public void check(NetworkConfig conf, RuntimeConf rt) {
        flows.check(Net.of(conf), rt, false);
    }

    /**
     * DEL: detaches the container; safe to repeat and after a failed ADD.
     *
     * @param list the network
     * @param rt the attachment
     * @throws io.github.cni4j.error.PluginException {@code plugin type="<type>" failed (delete): <err>}; the cache entry
     *         is kept for a retry
     * @throws io.github.cni4j.error.ConfigException before anything runs, when a name contains {@code /} or NUL or a
     *         CNI_ARGS key or value contains {@code =}, {@code ;}, NUL or a line break
     */
    public void del(NetworkConfigList list, RuntimeConf rt) {
        flows.del(Net.of(list), rt);
    }

    /**
     * DEL of a single-plugin configuration.
     *
     * @param conf the configuration
     * @param rt the attachment
     */
    public void del(NetworkConfig conf, RuntimeConf rt) {
        flows.del(Net.of(conf), rt);
    }

    /**
     * GC with valid attachments: DELs the network's other cached attachments, then sends GC (1.1.0+) with
     * {@code cni.dev/valid-attachments} and {@code cni.dev/attachments}.
     *
     * <p>An empty list is sent to plugins as {@code []} (Go sends {@code null} for a nil slice; both mean "nothing is
     * valid"). Use {@link #gc(NetworkConfigList)} for libcni's nil arguments.
     *
     * @param list the network
     * @param args the attachments to keep
     * @throws io.github.cni4j.error.CniException all failures joined (newline-separated), the others suppressed
     */
    public void gc(NetworkConfigList list, GcArgs args) {
        networkFlows.gc(Net.of(list), Optional.of(Objects.requireNonNull(args, "args")));
    }

    /**
     * GC without arguments (libcni's nil {@code GCArgs}): every cached attachment of the network is stale, and
     * plugins get no attachment keys.
     *
     * @param list the network
     */
    public void gc(NetworkConfigList list) {
        networkFlows.gc(Net.of(list), Optional.empty());
    }

    /**
     * STATUS: whether the network is ready for ADD (version 1.1.0+; earlier versions always succeed).
     *
     * @param list the network
     * @throws io.github.cni4j.error.PluginException the first failure, e.g. code 50 (plugin not available) or 51
     */
    public void status(NetworkConfigList list) {
        networkFlows.status(Net.of(list));
    }

    /**
     * Validates a network as libcni's {@code ValidateNetworkList}: each plugin exists and supports the version.
     *
     * @param list the network
     * @return the capabilities some plugin enables, sorted
     * @throws io.github.cni4j.error.IncompatibleVersionException all problems, as {@code [<e1> <e2>]}
     */
    public Set<String> validate(NetworkConfigList list) {
        return networkFlows.validate(Net.of(list));
    }

    /**
     * Validates a single-plugin configuration.
     *
     * @param conf the configuration
     * @return the capabilities the plugin enables, sorted
     */
    public Set<String> validate(NetworkConfig conf) {
        return networkFlows.validate(Net.of(conf));
    }

    /**
     * VERSION: which spec versions a plugin supports (stdin exactly {@code {"cniVersion":"1.1.0"}}).
     *
     * @param pluginType the plugin type
     * @return the answer
     */
    public PluginInfo versionInfo(String pluginType) {
        return networkFlows.versionInfo(pluginType);
    }

    /**
     * The cached result of an attachment, converted to the network's version.
     *
     * @param list the network
     * @param rt the attachment
     * @return the result, empty when nothing is cached
     * @throws CacheException when the entry exists but cannot be used
     */
    public Optional<Result> cachedResult(NetworkConfigList list, RuntimeConf rt) {
        return CachedResults.load(flows.cache(Optional.of(rt)), Net.of(list), rt);
    }

    /**
     * The cached configuration of an attachment.
     *
     * @param list the network
     * @param rt the attachment
     * @return the cached bytes and runtime conf, empty when nothing is cached
     * @throws CacheException {@code failed to unmarshal cached network "<n>" config: <err>} or
     *         {@code read cached network "<n>" config has wrong kind: <kind>}
     */
    public Optional<CachedConfig> cachedConfig(NetworkConfigList list, RuntimeConf rt) {
        ResultCache cache = flows.cache(Optional.of(rt));
        Path f = cache.file(list.name(), rt.containerId(), rt.ifName());
        Optional<byte[]> bytes = CacheFiles.readOrThrow(f);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        CachedAttachment a = CachedResults.decodeConfig(list.name(), f, bytes.get());
        RuntimeConf.Builder b = rt.toBuilder().capabilityArgs(a.capabilityArgs());
        if (CacheCodec.hasCniArgs(bytes.get())) {
            b.args(a.cniArgs());
        }
        return Optional.of(new CachedConfig(a.config(), b.build()));
    }

    /**
     * The cached attachments of a container, across networks (libcni's {@code GetCachedAttachments}).
     *
     * @param containerId the container ID; empty for all containers
     * @return the entries, sorted by file name; unreadable entries are skipped
     */
    public List<CachedAttachment> cachedAttachments(String containerId) {
        ResultCache cache = flows.cache(Optional.empty());
        return containerId.isEmpty() ? cache.attachments() : cache.attachments(containerId);
    }

    /**
     * Builds a {@link CniInvoker}. Not thread-safe; the invoker it builds is.
     *
     * <pre>{@code
     * CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Path.of("/opt/cni/bin"))).build();
     * }</pre>
     */
    public static final class Builder {
        private List<Path> pluginDirs = List.of(Path.of("/opt/cni/bin"));
        private Path cacheDir;
        private PluginExec exec = PluginExecs.defaultExec();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration busyRetryDelay = Duration.ofSeconds(1);

        private Builder() {
        }

        /**
         * Sets the plugin directories, searched in order and passed as {@code CNI_PATH} (default
         * {@code /opt/cni/bin}).
         *
         * @param pluginDirs the directories
         * @return this builder
         */
        public Builder pluginDirs(List<Path> pluginDirs) {
            this.pluginDirs = List.copyOf(pluginDirs);
            return this;
        }

        /**
         * Sets the cache directory (default: {@link RuntimeConf#cacheDir()} of each call, else
         * {@code /var/lib/cni}).
         *
         * @param cacheDir the directory
         * @return this builder
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /**
         * Sets the executor (default {@link PluginExecs#defaultExec()}: native {@code posix_spawn} where available).
         *
         * @param exec the executor
         * @return this builder
         */
        public Builder exec(PluginExec exec) {
            this.exec = Objects.requireNonNull(exec, "exec");
            return this;
        }

        /**
         * Sets the timeout of each plugin run (default 5 minutes).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the pause between attempts when a binary is busy ({@code text file busy}, default 1 second; six
         * attempts in all).
         *
         * @param delay the pause, zero or positive
         * @return this builder
         */
        public Builder busyRetryDelay(Duration delay) {
            this.busyRetryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Builds the invoker.
         *
         * @return the invoker
         * @throws IllegalArgumentException when the timeout is not positive or the retry delay negative
         */
        public CniInvoker build() {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            if (busyRetryDelay.isNegative()) {
                throw new IllegalArgumentException("busyRetryDelay must not be negative: " + busyRetryDelay);
            }
            return new CniInvoker(this);
        }
    }
}
