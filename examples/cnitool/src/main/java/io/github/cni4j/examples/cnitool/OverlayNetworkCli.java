package io.github.cni4j.examples.cnitool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.overlay.EtcdStore;
import io.github.cni4j.overlay.OverlayNetwork;
import io.github.cni4j.overlay.OverlayNetworks;
import io.github.cni4j.overlay.SubnetLease;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code network create -d overlay} and the overlay side of {@code network ls|inspect|rm}. */
final class OverlayNetworkCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OverlayNetworkCli() {
    }

    /** True if the create arguments choose the overlay driver. */
    static boolean isOverlay(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-d") || a.equals("--driver")) && i + 1 < args.size() && args.get(i + 1).equals("overlay")
                    || a.equals("--driver=overlay") || a.equals("-d=overlay")) {
                return true;
            }
        }
        return false;
    }

    static void create(EtcdStore store, List<String> args, Command.Context ctx) {
        String subnet = null;
        String name = null;
        boolean internal = false;
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = flag.equals(a) ? null : a.substring(a.indexOf('=') + 1);
            switch (flag) {
                case "-d", "--driver" -> {
                    if (inline == null) {
                        i++;
                    }
                }
                case "--internal" -> internal = true;
                case "--subnet", "-o", "--opt", "--label" -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("create: " + flag + " needs a value");
                        }
                        v = args.get(++i);
                    }
                    if (flag.equals("--subnet")) {
                        if (subnet != null) {
                            throw new UsageException("create: an overlay network has one --subnet");
                        }
                        subnet = v;
                    } else {
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            throw new UsageException("create: " + flag + " " + v + ": expected key=value");
                        }
                        (flag.equals("--label") ? labels : options).put(v.substring(0, eq), v.substring(eq + 1));
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("create -d overlay: unsupported flag " + a
                                + " (overlay takes --subnet, -o/--opt, --internal, --label, --cluster-store)");
                    }
                    if (name != null) {
                        throw new UsageException("create: expected one network name, got " + name + " and " + a);
                    }
                    name = a;
                }
            }
        }
        if (name == null) {
            throw new UsageException("create: expected a network name");
        }
        if (subnet == null) {
            throw new UsageException("create -d overlay: --subnet is required (the whole overlay range, e.g."
                    + " 10.200.0.0/16)");
        }
        OverlayNetwork n = OverlayNetworks.create(store, name, subnet, options, internal, labels);
        ctx.out().println(n.name());
    }

    static void list(EtcdStore store, boolean quiet, Command.Context ctx) {
        for (OverlayNetwork n : store.networks()) {
            if (quiet) {
                ctx.out().println(n.name());
            } else {
                ctx.out().printf("%-12s  %-24s  %-8s  %-20s  %s%n", "vni-" + n.vni(), n.name(), "overlay", n.subnet(),
                        "cluster store");
            }
        }
    }

    static Optional<String> inspect(EtcdStore store, String name) {
        return store.network(name).map(n -> dockerJson(n, store.leases(name)));
    }

    static boolean remove(EtcdStore store, String name) {
        if (store.network(name).isEmpty()) {
            return false;
        }
        OverlayNetworks.remove(store, name);
        return true;
    }

    /** Docker's inspect object for an overlay network, with the hosts' leases as Peers. */
    static String dockerJson(OverlayNetwork n, List<SubnetLease> leases) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Name", n.name());
        o.put("Id", "");
        o.put("Created", n.created().orElse(""));
        o.put("Scope", "global");
        o.put("Driver", "overlay");
        o.put("EnableIPv6", false);
        ObjectNode ipam = o.putObject("IPAM");
        ipam.put("Driver", "default");
        ipam.putNull("Options");
        ipam.putArray("Config").addObject().put("Subnet", n.subnet());
        o.put("Internal", n.internal());
        o.put("Attachable", false);
        ObjectNode opts = o.putObject("Options");
        opts.put(OverlayNetworks.VXLAN_ID, Integer.toString(n.vni()));
        n.mtu().ifPresent(m -> opts.put(OverlayNetworks.MTU, Integer.toString(m)));
        opts.put(OverlayNetworks.HOST_PREFIX, Integer.toString(n.hostPrefix()));
        ObjectNode labels = o.putObject("Labels");
        new TreeMap<>(n.labels()).forEach(labels::put);
        ArrayNode peers = o.putArray("Peers");
        for (SubnetLease l : leases) {
            peers.addObject().put("Name", l.hostId()).put("IP", l.advertise()).put("Subnet", l.subnet())
                    .put("Attachments", l.attachments());
        }
        return o.toString();
    }
}
