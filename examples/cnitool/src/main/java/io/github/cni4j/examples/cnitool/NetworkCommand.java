package io.github.cni4j.examples.cnitool;

import io.github.cni4j.overlay.EtcdStore;
import io.github.cni4j.plugins.NetworkInfo;
import io.github.cni4j.plugins.NetworkManager;
import io.github.cni4j.plugins.NetworkSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cnitool network create|ls|inspect|rm}: Docker's network commands over the conflists of NETCONFPATH, with
 * Docker's option names, written in nerdctl's format (so nerdctl lists them too).
 */
final class NetworkCommand implements Command {

    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    @Override
    public String name() {
        return "network";
    }

    @Override
    public String summary() {
        return "create, list, inspect or remove networks with Docker's options (docker network ...)";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool network create [options] <name>
                       cnitool network ls [-q]
                       cnitool network inspect <name|id-prefix>...
                       cnitool network rm [-f] <name>...
                       cnitool network create -d overlay --subnet <cidr> [-o k=v]... [--internal]
                               [--label k=v]... --cluster-store etcd://IP:PORT[,IP:PORT...] <name>

                Manages the .conflist files of NETCONFPATH as `docker network` / `nerdctl network` do.
                create options (Docker's names):
                  -d, --driver bridge|macvlan|ipvlan   default bridge (bridge + portmap + firewall + tuning)
                  --subnet <cidr>       repeatable; default the first free /24 from 10.4.1.0/24
                  --gateway <ip>        default the subnet's first address
                  --ip-range <cidr>     allocate container addresses from this part of the subnet only
                  --ipv6                enable IPv6 (give an IPv6 --subnet too)
                  --internal            no masquerade, no default route, no port mappings
                  --label <key>=<value> repeatable
                  -o, --opt <key>=<value>  com.docker.network.bridge.name, ...bridge.enable_ip_masquerade,
                                        ...bridge.enable_icc, ...bridge.host_binding_ipv4,
                                        com.docker.network.driver.mtu (or mtu, ip-masq, icc),
                                        parent and mode for macvlan/ipvlan
                create prints the new network's ID (a macvlan/ipvlan parent must exist); inspect prints Docker's
                JSON; rm prints each removed name and refuses a network that still has attachments in
                CNI_CACHE_DIR unless -f is given.

                Overlay networks (cni4j-overlay, one VXLAN segment across hosts) live in the cluster store given
                by --cluster-store or CNI4J_CLUSTER_STORE; `cnitool overlay agent` on each host turns them into
                conflists. create -d overlay options:
                  --subnet <cidr>       the whole overlay range (required); each host leases a part of it
                  -o com.docker.network.driver.overlay.vxlanid_list=<n>  default the first free from 4096
                  -o com.docker.network.driver.mtu=<n>   default the underlay MTU - 50
                  -o cni4j.overlay.host-prefix=<n>       size of each host's subnet, default 24
                With a cluster store, ls, inspect and rm show and remove overlay networks too; rm refuses an
                overlay network while any host's agent reports attachments on it.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (args.isEmpty()) {
            throw new UsageException("missing sub-command (create, ls, inspect or rm)");
        }
        NetworkManager manager = NetworkManager.builder(ctx.env().confDir()).pluginDirs(ctx.env().pluginDirs())
                .cacheDir(ctx.env().cacheDir()).build();
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        Optional<String> cluster = ClusterStore.take(rest, ctx.env());
        if (args.get(0).equals("create") && OverlayNetworkCli.isOverlay(rest)) {
            String store = cluster.orElseThrow(() -> new UsageException("create -d overlay needs "
                    + ClusterStore.FLAG + " etcd://IP:PORT[,IP:PORT...] (or CNI4J_CLUSTER_STORE): overlay networks"
                    + " live in the cluster store"));
            try (EtcdStore etcd = ClusterStore.connect(store)) {
                OverlayNetworkCli.create(etcd, rest, ctx);
            }
            return 0;
        }
        Optional<EtcdStore> etcd = args.get(0).equals("create") ? Optional.empty() : cluster.map(ClusterStore::connect);
        try {
            switch (args.get(0)) {
                case "create" -> create(manager, rest, ctx);
                case "ls", "list" -> list(manager, etcd, rest, ctx);
                case "inspect" -> inspect(manager, etcd, rest, ctx);
                case "rm", "remove" -> remove(manager, etcd, rest, ctx);
                default -> throw new UsageException("unknown sub-command \"" + args.get(0)
                        + "\" (create, ls, inspect or rm)");
            }
        } finally {
            etcd.ifPresent(EtcdStore::close);
        }
        return 0;
    }

    private static void create(NetworkManager manager, List<String> args, Context ctx) {
        NetworkSpec spec;
        try {
            spec = NetworkSpec.fromDockerArgs(args);
        } catch (IllegalArgumentException e) {
            throw new UsageException("create: " + e.getMessage());
        }
        // Docker refuses a macvlan/ipvlan parent the host does not have; the plugin would fail only at ADD.
        if (spec.driver() != NetworkSpec.Driver.BRIDGE) {
            spec.parent().filter(p -> !Files.exists(SYS_CLASS_NET.resolve(p))).ifPresent(p -> {
                throw new ToolException("-o parent interface was not found on the host: " + p);
            });
        }
        ctx.out().println(manager.create(spec).id());
    }

    private static void list(NetworkManager manager, Optional<EtcdStore> etcd, List<String> args, Context ctx) {
        boolean quiet = false;
        for (String a : args) {
            if (a.equals("-q") || a.equals("--quiet")) {
                quiet = true;
            } else {
                throw new UsageException("ls: unexpected argument \"" + a + "\"");
            }
        }
        if (!quiet) {
            ctx.out().printf("%-12s  %-24s  %-8s  %-20s  %s%n", "NETWORK ID", "NAME", "DRIVER", "SUBNET", "FILE");
        }
        for (NetworkInfo n : manager.list()) {
            String id = n.id().length() > 12 ? n.id().substring(0, 12) : n.id();
            if (quiet) {
                ctx.out().println(id.isEmpty() ? n.name() : id);
            } else {
                ctx.out().printf("%-12s  %-24s  %-8s  %-20s  %s%n", id, n.name(), n.driver(),
                        String.join(",", n.subnets()), n.file());
            }
        }
        boolean q = quiet;
        etcd.ifPresent(s -> OverlayNetworkCli.list(s, q, ctx));
    }

    private static void inspect(NetworkManager manager, Optional<EtcdStore> etcd, List<String> args, Context ctx) {
        if (args.isEmpty()) {
            throw new UsageException("inspect: expected at least one network name or ID prefix");
        }
        List<String> objects = new ArrayList<>();
        for (String name : args) {
            Optional<String> overlay = etcd.flatMap(s -> OverlayNetworkCli.inspect(s, name));
            objects.add(overlay.orElseGet(() -> new String(manager.inspect(name).toDockerJson(),
                    StandardCharsets.UTF_8)));
        }
        // Docker prints one JSON array, indented by 4 spaces.
        String array = "[" + String.join(",", objects) + "]";
        ctx.out().println(GoIndent.indent(array.getBytes(StandardCharsets.UTF_8)));
    }

    private static void remove(NetworkManager manager, Optional<EtcdStore> etcd, List<String> args, Context ctx) {
        boolean force = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-f") || a.equals("--force")) {
                force = true;
            } else if (a.startsWith("-")) {
                throw new UsageException("rm: unknown option " + a);
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("rm: expected at least one network name");
        }
        for (String name : names) {
            if (etcd.isPresent() && OverlayNetworkCli.remove(etcd.get(), name)) {
                ctx.out().println(name);
                continue;
            }
            Optional<String> bridge = manager.inspect(name).bridge();
            manager.remove(name, force);
            // The firewall plugin leaves its per-bridge isolation rules behind after the last DEL.
            bridge.ifPresent(HostCommands::removeIsolationRules);
            ctx.out().println(name);    // as docker network rm does
        }
    }
}
