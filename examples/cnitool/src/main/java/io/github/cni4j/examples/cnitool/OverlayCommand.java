package io.github.cni4j.examples.cnitool;

import io.github.cni4j.overlay.OverlayAgent;
import io.github.cni4j.overlay.SubnetLease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code cnitool overlay agent}: the per-host overlay agent in the foreground, stopped by SIGTERM or SIGINT. */
final class OverlayCommand implements Command {
    static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/cni4j/overlay");

    @Override
    public String name() {
        return "overlay";
    }

    @Override
    public String summary() {
        return "run the overlay agent of this host (cni4j-overlay, VXLAN across hosts)";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool overlay agent --cluster-store etcd://IP:PORT[,IP:PORT...] --advertise-addr <ip>
                                             [--host-id <id>] [--lease-ttl <5s|30s|1m>] [--data-dir <dir>]

                Runs this host's overlay agent in the foreground until SIGTERM or SIGINT: for every overlay
                network in the cluster store it leases the host a subnet, creates the VXLAN device <name>-vx,
                writes cni4j-overlay-<name>.conflist into NETCONFPATH (default /etc/cni/net.d) and keeps the
                routes, neighbour and FDB entries of the other hosts up to date. Runs in the current network
                namespace; needs CAP_NET_ADMIN.
                  --cluster-store    etcd client endpoints (or CNI4J_CLUSTER_STORE)
                  --advertise-addr   this host's underlay IPv4 address; VXLAN packets leave from it
                  --host-id          this host's identity in the store, default the host name
                  --lease-ttl        how long the leases outlive a stopped agent, default 30s
                  --data-dir         IPAM allocations, default /var/lib/cni4j/overlay
                A clean stop releases the host's leases at once; the devices stay for the next start.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        List<String> rest = new ArrayList<>(args);
        if (rest.isEmpty() || !rest.get(0).equals("agent")) {
            throw new UsageException(rest.isEmpty() ? "missing sub-command (agent)"
                    : "unknown sub-command \"" + rest.get(0) + "\" (agent)");
        }
        rest.remove(0);
        String store = ClusterStore.take(rest, ctx.env()).orElseThrow(() -> new UsageException("agent needs "
                + ClusterStore.FLAG + " etcd://IP:PORT[,IP:PORT...] (or CNI4J_CLUSTER_STORE)"));
        Map<String, String> opts = options(rest);
        String advertise = Optional.ofNullable(opts.get("--advertise-addr"))
                .orElseThrow(() -> new UsageException("agent needs --advertise-addr <ip>"));
        OverlayAgent.Builder b = OverlayAgent.builder().clusterStore(ClusterStore.endpoints(store))
                .advertiseAddress(advertise).confDir(ctx.env().confDir())
                .dataDir(Path.of(opts.getOrDefault("--data-dir", DEFAULT_DATA_DIR.toString())));
        Optional.ofNullable(opts.get("--host-id")).ifPresent(b::hostId);
        Optional.ofNullable(opts.get("--lease-ttl")).map(OverlayCommand::duration).ifPresent(b::leaseTtl);
        OverlayAgent agent = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "cni4j-overlay-stop"));
        for (Map.Entry<String, SubnetLease> e : agent.leases().entrySet()) {
            ctx.out().println("overlay network " + e.getKey() + ": subnet " + e.getValue().subnet());
        }
        ctx.out().println("overlay agent running (advertise " + advertise + "); stop with SIGTERM or Ctrl-C");
        ctx.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> out = new java.util.HashMap<>();
        List<String> known = List.of("--advertise-addr", "--host-id", "--lease-ttl", "--data-dir");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!known.contains(flag)) {
                throw new UsageException("agent: unknown argument " + a);
            }
            if (flag.equals(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("agent: " + flag + " needs a value");
                }
                out.put(flag, args.get(++i));
            } else {
                out.put(flag, a.substring(flag.length() + 1));
            }
        }
        return out;
    }

    /** {@code 5s}, {@code 500ms}, {@code 2m} or plain seconds. */
    static Duration duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new UsageException("--lease-ttl " + text + ": expected a duration such as 5s, 30s or 1m");
        }
    }
}
