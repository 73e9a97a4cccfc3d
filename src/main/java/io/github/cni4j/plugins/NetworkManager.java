package io.github.cni4j.plugins;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Docker/nerdctl-style management of the conflists in one conf dir: {@code create}, {@code list}, {@code inspect},
 * {@code remove}, and a default bridge network made on first use.
 *
 * <p>Files are written as {@code <NN>-<name>.conflist} (mode 0644) atomically under the conf dir's
 * {@code .nerdctl.lock}, in nerdctl's format ({@code nerdctlID}, {@code nerdctlLabels}, bridge + portmap + firewall +
 * tuning), so nerdctl lists them too.
 *
 * <pre>{@code
 * NetworkManager nm = NetworkManager.builder(Path.of("/etc/cni/net.d")).build();
 * NetworkInfo web = nm.create(NetworkSpec.builder("web").addSubnet("10.20.0.0/24").build());
 * nm.list();                  // every network of the dir
 * nm.inspect("web").toDockerJson();
 * nm.remove("web");           // refused while the result cache shows attachments
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; operations on one conf dir are serialized (also across processes).
 */
public final class NetworkManager {

    /** A copy of the builder's settings, {@code pluginDirs} resolved. */
    private final Builder b;
    private volatile Boolean isolatedSupported;

    private NetworkManager(Builder from) {
        b = new Builder(from.confDir).defaultNetwork(from.defaultName, from.defaultBridge, from.defaultSubnet)
                .filePriority(from.filePriority).cacheDir(from.cacheDir);
        b.ipamDataDir = from.ipamDataDir;
        b.pluginDirs = from.pluginDirs == null ? PluginBinaries.defaultDirs() : from.pluginDirs;
    }

    /** A builder over a conf dir.
     * @param confDir where the conflists live, e.g. {@code /etc/cni/net.d}
     * @return the builder */
    public static Builder builder(Path confDir) {
        return new Builder(Objects.requireNonNull(confDir, "confDir"));
    }

    /**
     * Creates a network: checks the name is free, the plugins are installed and the subnets overlap no other network
     * of the dir nor a host address; picks the first free {@code /24} from {@code 10.4.1.0/24} when none is given.
     *
     * @param spec what to create
     * @return the created network
     * @throws ConfigException {@code network with name <n> already exists},
     *         {@code subnet <s> overlaps with other one on this address space}, or a write failure
     * @throws io.github.cni4j.error.PluginException ({@code NOT_FOUND}) when a needed plugin binary is missing
     */
    public NetworkInfo create(NetworkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return ConfDirIo.locked(b.confDir, () -> createLocked(spec, Map.of()));
    }

    /**
     * Creates a network from a typed conflist as it is (no nerdctl keys added): checks the name is free and every
     * plugin of the list (and its IPAM plugin) is installed, then writes {@code <NN>-<name>.conflist}.
     *
     * <pre>{@code
     * nm.create(ConfList.builder().name("lo").plugin(Loopback.builder().build()));
     * }</pre>
     *
     * @param list the conflist to write
     * @return the created network
     * @throws ConfigException {@code network with name <n> already exists}, or a write failure
     * @throws IllegalArgumentException when the list is invalid (naming the field)
     * @throws io.github.cni4j.error.PluginException ({@code NOT_FOUND}) when a needed plugin binary is missing
     */
    public NetworkInfo create(ConfList list) {
        NetworkConfigList parsed = Objects.requireNonNull(list, "list").build();
        byte[] bytes = list.toPrettyBytes();
        return ConfDirIo.locked(b.confDir, () -> {
            Networks.refuseTaken(parsed.name(), listLocked(), b.confDir);
            parsed.plugins().forEach(p -> {
                PluginBinaries.require(b.pluginDirs, p.type());
                p.ipamType().ifPresent(t -> PluginBinaries.require(b.pluginDirs, t));
            });
            return write(parsed.name(), bytes);
        });
    }

    private NetworkInfo createLocked(NetworkSpec spec, Map<String, String> extraLabels) {
        List<NetworkInfo> existing = listLocked();
        Networks.refuseTaken(spec.name(), existing, b.confDir);
        NetworkConfs.requiredPlugins(spec).forEach(p -> PluginBinaries.require(b.pluginDirs, p));
        List<String> subnets = Subnets.choose(spec.subnets(), existing, b.confDir);
        String id = NetworkConfs.id(spec.name());
        String bridge = spec.bridgeName().orElse(spec.name().equals(b.defaultName) ? b.defaultBridge
                : "br-" + id.substring(0, 12));
        return write(spec.name(), NetworkConfs.conflist(spec, subnets, bridge, Optional.ofNullable(b.ipamDataDir),
                NetworkConfs.ingressPolicy(spec, this::firewallSupportsIsolated), extraLabels).toPrettyBytes());
    }

    private NetworkInfo write(String name, byte[] bytes) {
        Path file = b.confDir.resolve(String.format("%02d-%s.conflist", b.filePriority, name));
        if (Files.exists(file)) {
            throw new ConfigException("network with name " + name + " already exists", file.toString());
        }
        ConfDirIo.writeAtomically(file, bytes);
        return new NetworkInfo(NetworkConfigList.fromFile(file), file, Map.of());
    }

    /**
     * Whether the installed firewall plugin supports {@code ingressPolicy: "isolated"} (v1.7.1+), which is what
     * {@code icc=false} needs to take effect.
     *
     * @return true when the firewall banner reports v1.7.1 or later
     */
    public boolean firewallSupportsIsolated() {
        if (isolatedSupported == null) {    // a race only probes the binary twice
            isolatedSupported = PluginBinaries.firewallSupportsIsolated(b.pluginDirs);
        }
        return isolatedSupported;
    }

    /** Every network of the conf dir ({@code .conf}, {@code .conflist}, {@code .json}), in file order.
     * @return the networks
     * @throws ConfigException when a file cannot be parsed (naming it) */
    public List<NetworkInfo> list() {
        return ConfDirIo.locked(b.confDir, this::listLocked);
    }

    private List<NetworkInfo> listLocked() {
        return ConfLoader.loadAll(b.confDir).stream().map(l -> new NetworkInfo(l, l.file().orElse(b.confDir),
                CacheScan.attachments(b.cacheDir, l.name()))).toList();
    }

    /**
     * A network by exact name, else by unique ID prefix.
     *
     * @param nameOrIdPrefix the name or a prefix of {@code nerdctlID}
     * @return the network
     * @throws ConfigException {@code no network found matching: <p>} or {@code multiple IDs found with provided prefix: <p>}
     */
    public NetworkInfo inspect(String nameOrIdPrefix) {
        Objects.requireNonNull(nameOrIdPrefix, "nameOrIdPrefix");
        return ConfDirIo.locked(b.confDir, () -> Networks.find(listLocked(), nameOrIdPrefix, b.confDir));
    }

    /** Removes a network, refusing while the result cache shows attachments.
     * @param name the network name
     * @throws ConfigException when it is unknown, in use, the default network, or not made by nerdctl/cni4j */
    public void remove(String name) {
        remove(name, false);
    }

    /** Removes a network's file and, for bridge networks, its bridge device when no other network uses it.
     * @param name the network name
     * @param force remove even while in use, or the default network, or a file made by other tools
     * @throws ConfigException when it is unknown, or (without {@code force}) in use, default, or foreign */
    public void remove(String name, boolean force) {
        Objects.requireNonNull(name, "name");
        ConfDirIo.locked(b.confDir, () -> {
            List<NetworkInfo> all = listLocked();
            NetworkInfo n = Networks.byName(all, name).orElseThrow(
                    () -> new ConfigException("no network found matching: " + name, b.confDir.toString()));
            if (!force) {
                Networks.refuseRemoval(n, b.defaultName);
            }
            Bridges.deleteFile(n.file());
            n.bridge().filter(br -> all.stream().noneMatch(o -> o != n && o.bridge().equals(Optional.of(br))))
                    .ifPresent(Bridges::deleteLink);
            return null;
        });
    }

    /**
     * The default bridge network ({@code bridge} on {@code nerdctl0}, {@code 10.4.0.0/24}, label
     * {@code nerdctl/default-network=true} unless the builder changed them), created when missing.
     *
     * @return the default network
     */
    public NetworkInfo ensureDefault() {
        return ConfDirIo.locked(b.confDir, () -> Networks.byName(listLocked(), b.defaultName).orElseGet(() ->
                createLocked(NetworkSpec.builder(b.defaultName).addSubnet(b.defaultSubnet).bridgeName(b.defaultBridge)
                        .build(), Map.of("nerdctl/default-network", "true"))));
    }

    /** {@return the conf dir} */
    public Path confDir() {
        return b.confDir;
    }

    /** {@return the plugin dirs binaries are looked up in} */
    public List<Path> pluginDirs() {
        return b.pluginDirs;
    }

    /** {@return the result cache dir consulted for attachments} */
    public Path cacheDir() {
        return b.cacheDir;
    }

    /**
     * Configures a {@link NetworkManager}; not thread-safe.
     *
     * <pre>{@code
     * NetworkManager nm = NetworkManager.builder(Path.of("/etc/cni/net.d")).pluginDirs(List.of(Path.of("/usr/lib/cni")))
     *         .cacheDir(Path.of("/var/lib/cni")).build();
     * }</pre>
     */
    public static final class Builder {
        private final Path confDir;
        private List<Path> pluginDirs;
        private Path cacheDir = Path.of("/var/lib/cni");
        private Path ipamDataDir;
        private int filePriority = 10;
        private String defaultName = "bridge";
        private String defaultBridge = "nerdctl0";
        private String defaultSubnet = "10.4.0.0/24";

        private Builder(Path confDir) {
            this.confDir = confDir;
        }

        /**
         * @param dirs where plugin binaries are (default: nerdctl's first existing dir)
         * @return this builder
         */
        public Builder pluginDirs(List<Path> dirs) {
            this.pluginDirs = List.copyOf(dirs);
            return this;
        }

        /**
         * @param dir libcni's cache dir (default {@code /var/lib/cni})
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param dir host-local {@code dataDir} written into created networks (default: plugin's)
         * @return this builder
         */
        public Builder ipamDataDir(Path dir) {
            this.ipamDataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param nn the {@code NN} of {@code NN-<name>.conflist}, 0-99 (default 10)
         * @return this builder
         */
        public Builder filePriority(int nn) {
            if (nn < 0 || nn > 99) {
                throw new IllegalArgumentException("filePriority: " + nn + " out of range (0-99)");
            }
            this.filePriority = nn;
            return this;
        }

        /**
         * Changes the default network of {@link #ensureDefault()} (default {@code bridge}, {@code nerdctl0},
         * {@code 10.4.0.0/24}).
         *
         * @param name the network name
         * @param bridge the bridge device
         * @param subnet the subnet
         * @return this builder
         */
        public Builder defaultNetwork(String name, String bridge, String subnet) {
            this.defaultName = Objects.requireNonNull(name, "name");
            this.defaultBridge = Objects.requireNonNull(bridge, "bridge");
            this.defaultSubnet = Objects.requireNonNull(subnet, "subnet");
            return this;
        }

        /** {@return the manager} */
        public NetworkManager build() {
            return new NetworkManager(this);
        }
    }
}
