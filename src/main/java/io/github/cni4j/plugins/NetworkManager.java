package io.github.cni4j.plugins;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final System.Logger LOG = System.getLogger(NetworkManager.class.getName());

    private final Path confDir;
    private final List<Path> pluginDirs;
    private final Path cacheDir;
    private final Optional<Path> ipamDataDir;
    private final int filePriority;
    private final String defaultName;
    private final String defaultBridge;
    private final String defaultSubnet;
    private volatile Boolean isolatedSupported;

    private NetworkManager(Builder b) {
        this.confDir = b.confDir;
        this.pluginDirs = b.pluginDirs == null ? PluginBinaries.defaultDirs() : List.copyOf(b.pluginDirs);
        this.cacheDir = b.cacheDir;
        this.ipamDataDir = Optional.ofNullable(b.ipamDataDir);
        this.filePriority = b.filePriority;
        this.defaultName = b.defaultName;
        this.defaultBridge = b.defaultBridge;
        this.defaultSubnet = b.defaultSubnet;
    }

    /**
     * A builder over a conf dir.
     *
     * @param confDir where the conflists live, e.g. {@code /etc/cni/net.d}
     * @return the builder
     */
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
     * @throws io.github.cni4j.error.PluginNotFoundException when a needed plugin binary is missing
     */
    public NetworkInfo create(NetworkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return ConfDirIo.locked(confDir, () -> createLocked(spec, Map.of()));
    }

    private NetworkInfo createLocked(NetworkSpec spec, Map<String, String> extraLabels) {
        List<NetworkInfo> existing = listLocked();
        if (existing.stream().anyMatch(n -> n.name().equals(spec.name()))) {
            throw new ConfigException("network with name " + spec.name() + " already exists", confDir.toString());
        }
        requiredPlugins(spec).forEach(p -> PluginBinaries.require(pluginDirs, p));
        List<String> subnets = Subnets.choose(spec.subnets(), existing, confDir);
        String id = NetworkConfs.id(spec.name());
        String bridge = spec.bridgeName().orElse(spec.name().equals(defaultName) ? defaultBridge
                : "br-" + id.substring(0, 12));
        byte[] bytes = NetworkConfs.conflist(spec, subnets, bridge, ipamDataDir, ingressPolicy(spec), extraLabels)
                .toPrettyBytes();
        Path file = confDir.resolve(String.format("%02d-%s.conflist", filePriority, spec.name()));
        if (Files.exists(file)) {
            throw new ConfigException("network with name " + spec.name() + " already exists", file.toString());
        }
        ConfDirIo.writeAtomically(file, bytes);
        return new NetworkInfo(NetworkConfigList.fromFile(file), file, Map.of());
    }

    private static List<String> requiredPlugins(NetworkSpec spec) {
        return switch (spec.driver()) {
            case BRIDGE -> spec.internal() ? List.of("bridge", "firewall", "tuning", "host-local")
                    : List.of("bridge", "portmap", "firewall", "tuning", "host-local");
            case MACVLAN -> List.of("macvlan", "host-local");
            case IPVLAN -> List.of("ipvlan", "host-local");
        };
    }

    /** ICC on: nerdctl's {@code same-bridge}. ICC off: {@code isolated} where the firewall plugin knows it. */
    private String ingressPolicy(NetworkSpec spec) {
        if (spec.icc()) {
            return "same-bridge";
        }
        if (firewallSupportsIsolated()) {
            return "isolated";
        }
        LOG.log(System.Logger.Level.WARNING, "network " + spec.name() + ": icc=false needs the firewall plugin "
                + "v1.7.1 or later (ingressPolicy \"isolated\"); the installed one is older, so containers on this "
                + "bridge can still reach each other (ingressPolicy \"same-bridge\")");
        return "same-bridge";
    }

    /**
     * Whether the installed firewall plugin supports {@code ingressPolicy: "isolated"} (v1.7.1+), which is what
     * {@code icc=false} needs to take effect.
     *
     * @return true when the firewall banner reports v1.7.1 or later
     */
    public boolean firewallSupportsIsolated() {
        Boolean v = isolatedSupported;
        if (v == null) {
            v = PluginBinaries.firewallSupportsIsolated(pluginDirs);
            isolatedSupported = v;
        }
        return v;
    }

    /**
     * Every network of the conf dir ({@code .conf}, {@code .conflist}, {@code .json}), in file order.
     *
     * @return the networks
     * @throws ConfigException when a file cannot be parsed (naming it)
     */
    public List<NetworkInfo> list() {
        return ConfDirIo.locked(confDir, this::listLocked);
    }

    private List<NetworkInfo> listLocked() {
        List<NetworkInfo> out = new ArrayList<>();
        for (NetworkConfigList l : ConfLoader.loadAll(confDir)) {
            Path file = l.file().orElse(confDir);
            out.add(new NetworkInfo(l, file, CacheScan.attachments(cacheDir, l.name())));
        }
        return out;
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
        return ConfDirIo.locked(confDir, () -> find(listLocked(), nameOrIdPrefix));
    }

    private NetworkInfo find(List<NetworkInfo> all, String p) {
        for (NetworkInfo n : all) {
            if (n.name().equals(p)) {
                return n;
            }
        }
        List<NetworkInfo> byId = all.stream().filter(n -> !p.isEmpty() && n.id().startsWith(p)).toList();
        if (byId.size() > 1) {
            throw new ConfigException("multiple IDs found with provided prefix: " + p, confDir.toString());
        }
        if (byId.isEmpty()) {
            throw new ConfigException("no network found matching: " + p, confDir.toString());
        }
        return byId.get(0);
    }

    /**
     * Removes a network, refusing while the result cache shows attachments.
     *
     * @param name the network name
     * @throws ConfigException when it is unknown, in use, the default network, or not made by nerdctl/cni4j
     */
    public void remove(String name) {
        remove(name, false);
    }

    /**
     * Removes a network's file and, for bridge networks, its bridge device when no other network uses it.
     *
     * @param name the network name
     * @param force remove even while in use, or the default network, or a file made by other tools
     * @throws ConfigException when it is unknown, or (without {@code force}) in use, default, or foreign
     */
    public void remove(String name, boolean force) {
        Objects.requireNonNull(name, "name");
        ConfDirIo.locked(confDir, () -> {
            List<NetworkInfo> all = listLocked();
            NetworkInfo n = all.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(
                    () -> new ConfigException("no network found matching: " + name, confDir.toString()));
            if (!force) {
                refuseRemoval(n);
            }
            Bridges.deleteFile(n.file());
            n.bridge().filter(br -> all.stream().noneMatch(o -> o != n && o.bridge().equals(Optional.of(br))))
                    .ifPresent(Bridges::deleteLink);
            return null;
        });
    }

    private void refuseRemoval(NetworkInfo n) {
        if (n.name().equals(defaultName)) {
            throw new ConfigException("cannot remove pre-defined network " + n.name(), n.file().toString());
        }
        if (!n.isManaged()) {
            throw new ConfigException(n.name() + " is managed outside nerdctl and cannot be removed",
                    n.file().toString());
        }
        if (!n.containers().isEmpty()) {
            throw new ConfigException("network \"" + n.name() + "\" is in use by container \""
                    + n.containers().keySet().toString().replace(",", "") + "\"", n.file().toString());
        }
    }

    /**
     * The default bridge network ({@code bridge} on {@code nerdctl0}, {@code 10.4.0.0/24}, label
     * {@code nerdctl/default-network=true} unless the builder changed them), created when missing.
     *
     * @return the default network
     */
    public NetworkInfo ensureDefault() {
        return ConfDirIo.locked(confDir, () -> {
            List<NetworkInfo> all = listLocked();
            Optional<NetworkInfo> found = all.stream().filter(n -> n.name().equals(defaultName)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            NetworkSpec spec = NetworkSpec.builder(defaultName).addSubnet(defaultSubnet).bridgeName(defaultBridge)
                    .build();
            return createLocked(spec, Map.of("nerdctl/default-network", "true"));
        });
    }

    /**
     * Returns the conf dir.
     *
     * @return the conf dir
     */
    public Path confDir() {
        return confDir;
    }

    /**
     * Returns the plugin dirs binaries are looked up in.
     *
     * @return the plugin dirs binaries are looked up in
     */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }

    /**
     * Returns the result cache dir consulted for attachments.
     *
     * @return the result cache dir consulted for attachments
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Configures a {@link NetworkManager}; not thread-safe.
     *
     * <pre>{@code
     * NetworkManager nm = NetworkManager.builder(confDir).pluginDirs(List.of(Path.of("/usr/lib/cni")))
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
         * Sets the pluginDirs option: where plugin binaries are (default: nerdctl's first existing dir).
         *
         * @param dirs where plugin binaries are (default: nerdctl's first existing dir)
         * @return this builder
         */
        public Builder pluginDirs(List<Path> dirs) {
            this.pluginDirs = List.copyOf(dirs);
            return this;
        }

        /**
         * Sets the cacheDir option: libcni's cache dir (default {@code /var/lib/cni}).
         *
         * @param dir libcni's cache dir (default {@code /var/lib/cni})
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the ipamDataDir option: host-local {@code dataDir} written into created networks (default: plugin's).
         *
         * @param dir host-local {@code dataDir} written into created networks (default: plugin's)
         * @return this builder
         */
        public Builder ipamDataDir(Path dir) {
            this.ipamDataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the filePriority option: the {@code NN} of {@code NN-<name>.conflist}, 0-99 (default 10).
         *
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

        /**
         * Returns the manager.
         *
         * @return the manager
         */
        public NetworkManager build() {
            return new NetworkManager(this);
        }
    }
}
