package io.github.cni4j;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.Planner;
import io.github.cni4j.internal.facade.Settings;
import io.github.cni4j.invoke.PluginExec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fluent CNI facade, like containerd's go-cni: all-or-nothing multi-network attach, Docker's
 * {@code network connect}/{@code disconnect}, and sandboxes with the {@code nerdctl run --net} modes.
 *
 * <pre>{@code
 * Cni cni = Cni.builder().pluginDirs(Path.of("/usr/lib/cni"))  // where the plugin binaries are
 *         .confDir(Path.of("/etc/cni/net.d")).build();            // the first network there is the default
 * Path netns = Path.of("/var/run/netns/web-1");  // e.g. made with `ip netns add web-1` or NetNs.create
 * Attachment a = cni.attach("web-1", netns).portMapping(PortMapping.tcp(8080, 80))
 *         .execute();                            // eth0 on the default network (and lo)
 * InetAddress ip = a.interfaces().get("eth0").ips().get(0).address().address();
 * cni.check("web-1", netns);
 * cni.detach("web-1", netns);                           // everything the container has, newest first
 *
 * try (Sandbox s = cni.sandbox("web-2", NetworkMode.bridge())) {   // or let a Sandbox own the namespace
 *     s.run(() -> startServer());                      // code running inside the container's network
 * }
 * }</pre>
 *
 * <p>{@link #attach} uses the <em>default networks</em> ({@link Builder#network}, else
 * {@link Builder#defaultNetwork}, else the first {@link Builder#maxConfFiles} of the configuration directory),
 * after go-cni's {@code cni-loopback} as {@code lo} ({@link Builder#loopback}), named {@code eth0}, {@code eth1}...
 * Other networks of the directory attach by name with {@link #connect} or {@link NetworkMode#network(String...)}.
 *
 * <p>Thread-safe (virtual threads included): operations on one container are serialised, different containers run
 * in parallel; {@link #reload()} swaps the configuration atomically, running operations keep theirs.
 */
public final class Cni {
    private final Engine engine;

    Cni(Engine engine) {
        this.engine = engine;
    }

    /** {@return a new builder with go-cni's defaults (see {@link Builder})} */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts attaching a container to the default networks (go-cni's {@code Setup}, done serially).
     * @param containerId the container ID (CNI_CONTAINERID)
     * @param netNs the container's network namespace
     * @return the request; nothing runs until {@link AttachRequest#execute()} */
    public AttachRequest attach(String containerId, Path netNs) {
        return request(containerId, netNs, Planner.Target.DEFAULTS, List.of());
    }

    /** Starts attaching one more network on the next free interface ({@code docker network connect}).
     * @param containerId the container ID
     * @param netNs the container's network namespace
     * @param network the name of a default network or of a network in the configuration directory
     * @return the request */
    public AttachRequest connect(String containerId, Path netNs, String network) {
        return request(containerId, netNs, Planner.Target.CONNECT, List.of(Objects.requireNonNull(network, "network")));
    }

    private AttachRequest request(String containerId, Path netNs, Planner.Target target, List<String> networks) {
        return new AttachRequest(engine, target, networks, Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs"), added -> { });
    }

    /** Detaches one network from a container and keeps its other attachments ({@code docker network disconnect}).
     * @param containerId the container ID
     * @param netNs the container's network namespace (may no longer exist)
     * @param network the network name
     * @return true if the container had that network (per the cache) and it was deleted; false if it had not
     * @throws CniException if a plugin fails to delete */
    public boolean disconnect(String containerId, Path netNs, String network) {
        return engine.disconnect(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString(), Objects.requireNonNull(network, "network"));
    }

    /** Detaches everything the container has (cached attachments and default networks), newest first, going on
     * past failures; missing pieces (namespace, cache entry) are fine, so calling it twice is harmless.
     * @param containerId the container ID
     * @param netNs the container's network namespace (may no longer exist)
     * @throws CniException the first failure, naming every network that could not be deleted */
    public void detach(String containerId, Path netNs) {
        engine.detach(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString());
    }

    /** Detaches everything the container has, using the namespace paths recorded in the cache.
     * @param containerId the container ID
     * @throws CniException the first failure, naming every network that could not be deleted */
    public void detach(String containerId) {
        engine.detach(Objects.requireNonNull(containerId, "containerId"), "");
    }

    /** Runs CHECK for the container's networks in attach order (skipping those before CNI 0.4.0).
     * @param containerId the container ID
     * @param netNs the container's network namespace
     * @throws CniException the first failure, naming the network */
    public void check(String containerId, Path netNs) {
        engine.check(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(netNs, "netNs").toString());
    }

    /** Tells whether enough default networks are configured and their plugins' STATUS (CNI 1.1.0) succeeds.
     * @throws ConfigException if too few networks are configured ({@code cni plugin not initialized})
     * @throws PluginException if a plugin reports it is not ready (codes 50/51 intact) */
    public void status() {
        engine.status();
    }

    /** Deletes every cached attachment of a container not in {@code validContainerIds} (pass every live container
     * of this cache directory, other tools' too), then runs the plugins' GC (CNI 1.1.0).
     * @param validContainerIds the containers that still exist
     * @throws CniException the first failure, after every network was tried */
    public void gc(Set<String> validContainerIds) {
        engine.gc(Set.copyOf(validContainerIds));
    }

    /** Re-reads the configuration directory and the network files, replacing the configuration in one step.
     * @throws ConfigException if the new configuration cannot be loaded (the old one stays in use) */
    public void reload() {
        engine.reload();
    }

    /** {@return the names of the default networks, in attach order (without loopback)}
     * @throws ConfigException if a named default network does not exist */
    public List<String> networks() {
        return engine.snapshot().resolveDefaults().stream().map(NetworkConfigList::name).toList();
    }

    /** Creates a sandbox: a namespace named after the container, attached as the mode says (see {@link Sandbox}).
     * @param containerId the container ID; also the namespace name
     * @param mode the network mode
     * @return the sandbox; close it to detach and remove what it made
     * @throws CniException if the namespace or an attachment fails (everything made so far is removed again) */
    public Sandbox sandbox(String containerId, NetworkMode mode) {
        return sandbox(containerId, mode, r -> { });
    }

    /** Creates a sandbox with per-call options such as port mappings:
     * {@code cni.sandbox("web-1", NetworkMode.bridge(), r -> r.portMapping(PortMapping.tcp(8080, 80)))}.
     * @param containerId the container ID; also the namespace name
     * @param mode the network mode
     * @param options sets options on the attach request (not called for modes that attach nothing)
     * @return the sandbox
     * @throws CniException if the namespace or an attachment fails (everything made so far is removed again) */
    public Sandbox sandbox(String containerId, NetworkMode mode, Consumer<AttachRequest> options) {
        return Sandbox.create(engine, Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Configures a {@link Cni}; defaults follow go-cni. Not thread-safe; the built {@code Cni} is.
     * <pre>{@code
     * Cni cni = Cni.builder().pluginDirs(Path.of("/usr/lib/cni")).cacheDir(Path.of("/run/myruntime/cni"))
     *         .networkFile(Path.of("/etc/myruntime/frontend.conflist")).timeout(Duration.ofSeconds(30)).build();
     * }</pre>
     */
    public static final class Builder {
        private final Settings.Builder settings = Settings.builder();

        private Builder() {
        }

        /** Sets the plugin directories, in order (CNI_PATH). Default: the first existing of {@code /opt/cni/bin},
         * {@code /usr/local/libexec/cni}, {@code /usr/local/lib/cni}, {@code /usr/libexec/cni}, {@code /usr/lib/cni}.
         * @param dirs the directories
         * @return this builder */
        public Builder pluginDirs(Path... dirs) {
            return pluginDirs(List.of(dirs));
        }

        /** Sets the directories searched for plugin binaries, in order.
         * @param dirs the directories
         * @return this builder */
        public Builder pluginDirs(List<Path> dirs) {
            return set(settings.pluginDirs(dirs));
        }

        /** Sets the configuration directory. Default {@code /etc/cni/net.d}.
         * @param dir the directory
         * @return this builder */
        public Builder confDir(Path dir) {
            return set(settings.confDir(dir));
        }

        /** Sets the result cache directory. Default {@code /var/lib/cni}, shared with containerd and cnitool.
         * @param dir the directory
         * @return this builder */
        public Builder cacheDir(Path dir) {
            return set(settings.cacheDir(dir));
        }

        /** Adds a default network (go-cni's {@code WithConfListBytes}), replacing the directory's defaults.
         * @param network the network
         * @return this builder */
        public Builder network(NetworkConfigList network) {
            return set(settings.addSources(network));
        }

        /** Adds a default network from a {@code .conflist}/{@code .conf}/{@code .json} file, read at every reload.
         * @param file the file
         * @return this builder */
        public Builder networkFile(Path file) {
            return set(settings.addSources(file));
        }

        /** Names the default network among the configuration directory's (nerdctl's {@code bridge}); it must be
         * there when {@link #build()} loads the networks.
         * @param name the network name
         * @return this builder */
        public Builder defaultNetwork(String name) {
            return set(settings.defaultNetwork(name));
        }

        /** Whether go-cni's {@code cni-loopback} network is attached first, as {@code lo}. Default {@code true}.
         * @param loopback true to bring up loopback
         * @return this builder */
        public Builder loopback(boolean loopback) {
            return set(settings.loopback(loopback));
        }

        /** Sets how many default networks (loopback not counted) {@link Cni#attach} requires. Default 1.
         * @param n the minimum, at least 0
         * @return this builder */
        public Builder minNetworks(int n) {
            return set(settings.minNetworks(n));
        }

        /** Sets the interface name prefix ({@code com.docker.network.container_iface_prefix}). Default {@code eth}.
         * @param prefix the prefix
         * @return this builder */
        public Builder interfacePrefix(String prefix) {
            return set(settings.prefix(prefix));
        }

        /** Sets how many of the directory's networks are default networks ({@code WithPluginMaxConfNum}). Default 1.
         * @param n at least 1
         * @return this builder */
        public Builder maxConfFiles(int n) {
            return set(settings.maxConfFiles(n));
        }

        /** Sets the time limit of each plugin run (a plugin that takes longer is killed). Default: the invoker's.
         * @param timeout a positive duration
         * @return this builder */
        public Builder timeout(Duration timeout) {
            return set(settings.timeout(timeout));
        }

        /** Sets how plugin binaries are run. Default: the invoker's.
         * @param exec the executor
         * @return this builder */
        public Builder exec(PluginExec exec) {
            return set(settings.exec(exec));
        }

        /** Sets what a cache write waits for. Default: the invoker's, {@code FILE_AND_DIRECTORY} (crash-safe).
         * @param sync the sync level
         * @return this builder */
        public Builder cacheSync(io.github.cni4j.cache.ResultCache.Sync sync) {
            return set(settings.cacheSync(sync));
        }

        /** Sets the host IP of port mappings without one (Docker's {@code host_binding_ipv4}). Default: none.
         * @param ip an IP address
         * @return this builder */
        public Builder defaultHostIp(String ip) {
            return set(settings.defaultHostIp(ip));
        }

        /** Each setter fills the settings builder, which checks everything at {@link #build()}. */
        private Builder set(Object filled) {
            return this;
        }

        /**
         * Checks the settings, loads the networks and builds the {@code Cni}.
         * @return the facade
         * @throws IllegalArgumentException listing every invalid setting at once
         * @throws ConfigException listing every network file that cannot be loaded and an unknown
         *         {@link #defaultNetwork}, with the known networks
         */
        public Cni build() {
            return new Cni(Engine.create(settings.build()));
        }
    }
}
