package io.github.cni4j;

import io.github.cni4j.error.PluginException;

import io.github.cni4j.error.ConfigException;

import io.github.cni4j.error.CniException;

import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.RequestSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fluent CNI facade: attach containers to networks and detach them again, like containerd's go-cni, with
 * all-or-nothing multi-network attach, Docker's {@code network connect}/{@code disconnect} and sandboxes with the
 * {@code nerdctl run --net}/{@code docker run --network} modes.
 *
 * <pre>{@code
 * Cni cni = Cni.builder()
 *         .pluginDirs(Path.of("/usr/lib/cni"))          // where the plugin binaries are
 *         .confDir(Path.of("/etc/cni/net.d"))           // the first network there is the default
 *         .build();
 * Path netns = Path.of("/var/run/netns/web-1");         // e.g. made with `ip netns add web-1` or NetNs.create
 * Attachment a = cni.attach("web-1", netns)
 *         .portMapping(PortMapping.tcp(8080, 80))
 *         .execute();                                   // eth0 on the default network (and lo)
 * String ip = a.interfaces().get("eth0").ips().get(0).address();
 * cni.check("web-1", netns);
 * cni.detach("web-1", netns);                           // everything the container has, newest first
 *
 * // Or let a Sandbox own the namespace too:
 * try (Sandbox s = cni.sandbox("web-2", NetworkMode.bridge())) {
 *     s.run(() -> startServer());                      // code running inside the container's network
 * }
 * }</pre>
 *
 * <p><b>Networks.</b> {@link #attach} uses the <em>default networks</em>: those given to
 * {@link Builder#network(io.github.cni4j.config.NetworkConfigList)}/{@link Builder#networkFile(Path)}, else the
 * {@link Builder#defaultNetwork(String) named default}, else the first {@link Builder#maxConfFiles(int)} networks
 * of the configuration directory (libcni file order). With {@link Builder#loopback(boolean)} (on by default)
 * go-cni's {@code cni-loopback} network is attached first as {@code lo}. The other networks are named
 * {@code eth0}, {@code eth1}, ... in order. Any network of the directory can be attached by name with
 * {@link #connect} or a {@link NetworkMode#network(String...)} sandbox.
 *
 * <p><b>Thread safety.</b> A {@code Cni} is immutable apart from its configuration snapshot, which
 * {@link #reload()} replaces atomically (operations already running keep the snapshot they started with). It may
 * be shared by many threads, virtual ones included: operations on one container are serialised with a
 * {@code ReentrantLock} (no carrier pinning), different containers run in parallel.
 */
public final class Cni {

    private final Engine engine;

    Cni(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts a builder with go-cni's defaults (see {@link Builder}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts attaching a container to the default networks (go-cni's {@code Setup}, done serially).
     *
     * @param containerId the container ID (CNI_CONTAINERID)
     * @param netNs the container's network namespace
     * @return the request; nothing runs until {@link AttachRequest#execute()}
     */
    public AttachRequest attach(String containerId, Path netNs) {
        return request(containerId, netNs, RequestSpec.Target.DEFAULTS, List.of());
    }

    /**
     * Starts attaching one more network to a container that may already have some, on the next free interface
     * ({@code docker network connect}); the container's interfaces are read from the result cache.
     *
     * @param containerId the container ID
     * @param netNs the container's network namespace
     * @param network the name of a default network or of a network in the configuration directory
     * @return the request
     */
    public AttachRequest connect(String containerId, Path netNs, String network) {
        Objects.requireNonNull(network, "network");
        return request(containerId, netNs, RequestSpec.Target.CONNECT, List.of(network));
    }

    AttachRequest request(String containerId, Path netNs, RequestSpec.Target target, List<String> networks) {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(netNs, "netNs");
        RequestSpec spec = new RequestSpec(containerId, netNs.toString(), target, networks);
        return new AttachRequest(spec, s -> Attachment.of(s.containerId(), netNs,
                engine.attach(s, AttachmentViews.validator())));
    }

    /**
     * Detaches one network from a container and keeps its other attachments ({@code docker network disconnect}).
     *
     * @param containerId the container ID
     * @param netNs the container's network namespace (may no longer exist)
     * @param network the network name
     * @return true if the container had that network (per the cache) and it was deleted; false if it had not
     * @throws CniException if a plugin fails to delete
     */
    public boolean disconnect(String containerId, Path netNs, String network) {
        return engine.disconnect(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString(), Objects.requireNonNull(network, "network"));
    }

    /**
     * Detaches everything the container has: its cached attachments (connected networks included) and the
     * default networks, newest first. Failures of one network do not stop the others; missing pieces (a deleted
     * namespace, no cache entry) are fine, so calling it twice is harmless.
     *
     * @param containerId the container ID
     * @param netNs the container's network namespace (may no longer exist)
     * @throws CniException the first failure, naming every network that could not be deleted
     */
    public void detach(String containerId, Path netNs) {
        engine.detach(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString());
    }

    /**
     * Detaches everything the container has, using the namespace paths recorded in the cache.
     *
     * @param containerId the container ID
     * @throws CniException the first failure, naming every network that could not be deleted
     */
    public void detach(String containerId) {
        engine.detach(Objects.requireNonNull(containerId, "containerId"), "");
    }

    /**
     * Runs CHECK for the container's networks in attach order (networks with {@code disableCheck} or a version
     * before 0.4.0 are skipped).
     *
     * @param containerId the container ID
     * @param netNs the container's network namespace
     * @throws CniException the first failure, naming the network
     */
    public void check(String containerId, Path netNs) {
        engine.check(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString());
    }

    /**
     * Tells whether the default networks are ready for attaching: enough networks are configured and their
     * plugins' STATUS (CNI 1.1.0) succeeds.
     *
     * @throws ConfigException if too few networks are configured ({@code cni plugin not initialized})
     * @throws PluginException if a plugin reports it is not ready (codes 50/51 intact)
     */
    public void status() {
        engine.status();
    }

    /**
     * Garbage-collects: every attachment in the cache (of the default networks and of any other cached network)
     * whose container is not in {@code validContainerIds} is deleted, then the plugins' GC runs (CNI 1.1.0).
     * Pass every live container that uses this cache directory, also those attached by other tools.
     *
     * @param validContainerIds the containers that still exist
     * @throws CniException the first failure, after every network was tried
     */
    public void gc(Set<String> validContainerIds) {
        engine.gc(Set.copyOf(validContainerIds));
    }

    /**
     * Re-reads the configuration directory and the network files, replacing the configuration in one step.
     *
     * @throws ConfigException if the new configuration cannot be loaded (the old one stays in use)
     */
    public void reload() {
        engine.reload();
    }

    /**
     * Returns the names of the default networks, in attach order (without loopback).
     *
     * @return the names
     * @throws ConfigException if a named default network does not exist
     */
    public List<String> networks() {
        return engine.snapshot().resolveDefaults().stream().map(n -> n.name()).toList();
    }

    /**
     * Creates a sandbox: a network namespace (named after the container, like {@code ip netns add <id>}) attached
     * as the mode says, or the host's or another sandbox's network.
     *
     * @param containerId the container ID; also the namespace name
     * @param mode the network mode
     * @return the sandbox; close it to detach and remove what it made
     * @throws CniException if the namespace or an attachment fails (everything made so far is removed again)
     */
    public Sandbox sandbox(String containerId, NetworkMode mode) {
        return sandbox(containerId, mode, r -> { });
    }

    /**
     * Creates a sandbox with per-call options such as port mappings.
     *
     * <pre>{@code
     * Sandbox web = cni.sandbox("web-1", NetworkMode.bridge(), r -> r.portMapping(PortMapping.tcp(8080, 80)));
     * }</pre>
     *
     * @param containerId the container ID; also the namespace name
     * @param mode the network mode
     * @param options sets options on the attach request (not called for modes that attach nothing)
     * @return the sandbox
     * @throws CniException if the namespace or an attachment fails (everything made so far is removed again)
     */
    public Sandbox sandbox(String containerId, NetworkMode mode, Consumer<AttachRequest> options) {
        return Sandbox.create(engine, Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Configures a {@link Cni}. Defaults follow go-cni where it has one. Not thread-safe; the built {@code Cni} is.
     *
     * <pre>{@code
     * Cni cni = Cni.builder()
     *         .pluginDirs(Path.of("/usr/lib/cni"))
     *         .cacheDir(Path.of("/run/myruntime/cni"))
     *         .networkFile(Path.of("/etc/myruntime/frontend.conflist"))
     *         .networkFile(Path.of("/etc/myruntime/backend.conflist"))   // eth0, eth1
     *         .defaultHostIp("192.0.2.10")                              // docker's host_binding_ipv4
     *         .timeout(Duration.ofSeconds(30))
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private final FacadeConfig config = new FacadeConfig();

        private Builder() {
        }

        /**
         * Sets the directories searched for plugin binaries, in order (CNI_PATH). Default: the first existing of
         * {@code /opt/cni/bin}, {@code /usr/local/libexec/cni}, {@code /usr/local/lib/cni}, {@code /usr/libexec/cni},
         * {@code /usr/lib/cni} (nerdctl's search list), else {@code /opt/cni/bin}.
         *
         * @param dirs the directories
         * @return this builder
         */
        public Builder pluginDirs(Path... dirs) {
            return pluginDirs(List.of(dirs));
        }

        /**
         * Sets the directories searched for plugin binaries, in order.
         *
         * @param dirs the directories
         * @return this builder
         */
        public Builder pluginDirs(List<Path> dirs) {
            config.pluginDirs = List.copyOf(dirs);
            return this;
        }

        /**
         * Sets the configuration directory. Default {@code /etc/cni/net.d}.
         *
         * @param dir the directory
         * @return this builder
         */
        public Builder confDir(Path dir) {
            config.confDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the result cache directory. Default {@code /var/lib/cni}, shared with containerd and cnitool.
         *
         * @param dir the directory
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            config.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Adds a default network (go-cni's {@code WithConfListBytes}); networks are attached in the order added,
         * and once any is added the configuration directory no longer supplies default networks.
         *
         * @param network the network
         * @return this builder
         */
        public Builder network(io.github.cni4j.config.NetworkConfigList network) {
            config.sources.add(Objects.requireNonNull(network, "network"));
            return this;
        }

        /**
         * Adds a default network loaded from a file ({@code .conflist}, or a single-plugin {@code .conf}/
         * {@code .json}), read at {@link #build()} and at every {@link Cni#reload()}.
         *
         * @param file the file
         * @return this builder
         */
        public Builder networkFile(Path file) {
            config.sources.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Names the default network among the configuration directory's networks (nerdctl's {@code bridge}),
         * instead of taking the first file.
         *
         * @param name the network name
         * @return this builder
         */
        public Builder defaultNetwork(String name) {
            config.defaultNetwork = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Whether go-cni's {@code cni-loopback} network is attached first, as {@code lo}. Default {@code true}
         * (a container without {@code lo} up surprises most programs); needs the {@code loopback} plugin.
         *
         * @param loopback true to bring up loopback
         * @return this builder
         */
        public Builder loopback(boolean loopback) {
            config.loopback = loopback;
            return this;
        }

        /**
         * Sets how many default networks (loopback not counted) {@link Cni#attach} requires. Default 1.
         *
         * @param n the minimum, at least 0
         * @return this builder
         */
        public Builder minNetworks(int n) {
            config.minNetworks = n;
            return this;
        }

        /**
         * Sets the interface name prefix ({@code com.docker.network.container_iface_prefix}). Default {@code eth}.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder interfacePrefix(String prefix) {
            config.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Sets how many networks of the configuration directory are default networks (go-cni's
         * {@code WithPluginMaxConfNum}). Default 1.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxConfFiles(int n) {
            config.maxConfFiles = n;
            return this;
        }

        /**
         * Sets the time limit of each plugin run; a plugin that takes longer is killed with its process group.
         * Default: the invoker's.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(java.time.Duration timeout) {
            config.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how plugin binaries are run. Default: the invoker's.
         *
         * @param exec the executor
         * @return this builder
         */
        public Builder exec(io.github.cni4j.invoke.PluginExec exec) {
            config.exec = Objects.requireNonNull(exec, "exec");
            return this;
        }

        /**
         * Sets the host address that port mappings without their own bind to (Docker's
         * {@code com.docker.network.bridge.host_binding_ipv4}). Default: none, every address.
         *
         * @param ip an IP address
         * @return this builder
         */
        public Builder defaultHostIp(String ip) {
            config.defaultHostIp = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /**
         * Checks the settings, loads the networks and builds the {@code Cni}.
         *
         * @return the facade
         * @throws IllegalArgumentException listing every invalid setting at once
         * @throws ConfigException listing every network file that cannot be loaded
         */
        public Cni build() {
            return new Cni(config.engine());
        }
    }
}
