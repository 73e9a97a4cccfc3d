package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import io.github.cni4j.overlay.internal.DataPlane;
import io.github.cni4j.overlay.internal.NetlinkDataPlane;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The per-host overlay agent: for every overlay network in the cluster store it leases this host a subnet, creates
 * the VXLAN device, writes the host's conflist (bridge + host-local with the host's subnet, then portmap and
 * firewall) into the conf dir, and turns the peers' leases into routes, neighbour and FDB entries. All state changes
 * run on one event thread; a restarted agent replays the store and converges (it finds its own lease by host id).
 *
 * <p>Source addresses: the conflist sets {@code ipMasq: false} on every overlay network, so traffic between
 * containers on different hosts keeps its source IP (the bridge plugin's masquerade rule would rewrite it to the
 * host's VTEP address). Non-internal networks get a default route via the gateway; reaching the outside world
 * then needs the host's own NAT for the overlay range.
 *
 * <pre>{@code
 * try (OverlayAgent agent = OverlayAgent.builder()
 *         .clusterStore(List.of("http://10.0.0.1:2379"))
 *         .advertiseAddress("10.0.0.5")
 *         .confDir(Path.of("/etc/cni/net.d"))
 *         .dataDir(Path.of("/var/lib/cni4j/overlay"))
 *         .start()) {
 *     agent.awaitIdle();
 * }
 * }</pre>
 */
public final class OverlayAgent implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OverlayAgent.class.getName());
    private final Builder cfg;
    private final EtcdStore store;
    private final DataPlane dataPlane;
    private final boolean ownsDataPlane;
    private final DataPlane.Underlay underlay;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cni4j-overlay-agent");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, SubnetLease> mine = new HashMap<>();
    private final Map<String, Map<String, DataPlane.Peer>> peers = new HashMap<>();
    private final StoreWatch watch;

    private OverlayAgent(Builder cfg) {
        this.cfg = cfg;
        this.ownsDataPlane = cfg.dataPlane == null;
        // opened here, on the thread calling start(): netlink binds to that thread's network namespace
        this.dataPlane = ownsDataPlane ? new NetlinkDataPlane() : cfg.dataPlane;
        try {
            this.store = EtcdStore.connect(cfg.endpoints, cfg.ttl);
        } catch (RuntimeException e) {
            closeDataPlane();
            throw e;
        }
        try {
            this.underlay = dataPlane.underlay(inet(cfg.advertise));
            this.watch = store.watch(e -> events.execute(() -> onEvent(e)));
            call(() -> store.networks().forEach(this::join));
            long every = cfg.refresh.toMillis();
            events.scheduleWithFixedDelay(this::publishAttachments, every, every, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            store.close();
            events.shutdownNow();
            closeDataPlane();
            throw e;
        }
    }

    /**
     * A builder; cluster store, advertise address, conf dir and data dir are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static InetAddress inet(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new CniException(UNKNOWN, "address " + ip + " is not an IP address");
        }
    }

    private void call(Runnable r) {
        try {
            events.submit(r).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new CniException(UNKNOWN, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CniException(UNKNOWN, "interrupted");
        }
    }

    /** Waits until every event received so far has been handled. */
    public void awaitIdle() {
        call(() -> { });
    }

    private void join(OverlayNetwork net) {
        String dev = OverlayConf.vxlanDevice(net.name());
        SubnetLease lease = store.lease(net.name(), cfg.hostId, cfg.advertise, "");
        int mtu = net.mtu().orElse(underlay.mtu() - 50);
        String vtep = lease.subnet().substring(0, lease.subnet().indexOf('/')) + "/32";
        String mac = dataPlane.ensureVxlan(new DataPlane.Vxlan(dev, net.vni(), 4789, inet(cfg.advertise),
                underlay.index(), mtu, vtep));
        lease = store.lease(net.name(), cfg.hostId, cfg.advertise, mac);
        lease = publish(lease, Attachments.count(cfg.dataDir, net.name()));
        mine.put(net.name(), lease);
        OverlayConf.writeAtomically(OverlayConf.file(cfg.confDir, net.name()),
                OverlayConf.conflist(net, lease.subnet(), mtu, cfg.dataDir));
        peers.putIfAbsent(net.name(), new HashMap<>());
        for (SubnetLease other : store.leases(net.name())) {
            addPeer(other);
        }
        removeStalePeers(dev, peers.get(net.name()));
    }

    private SubnetLease publish(SubnetLease lease, int count) {
        if (count == lease.attachments()) {
            return lease;
        }
        SubnetLease now = lease.withAttachments(count);
        return store.publishAttachments(now) ? now : lease;
    }

    private void publishAttachments() {
        try {
            mine.replaceAll((net, lease) -> publish(lease, Attachments.count(cfg.dataDir, net)));
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "overlay agent cannot publish its attachment counts", ex);
        }
    }

    /** Removes kernel peers with no live lease, e.g. hosts that left while this agent was down. */
    private void removeStalePeers(String dev, Map<String, DataPlane.Peer> live) {
        for (DataPlane.Peer k : dataPlane.peers(dev)) {
            DataPlane.Peer p = live.get(k.subnet());
            if (p == null || !p.vtepIp().equals(k.vtepIp())) {
                LOG.log(System.Logger.Level.INFO, "removing stale overlay peer " + k.subnet() + " on " + dev);
                dataPlane.removePeer(dev, k);
            }
        }
    }

    private void closeDataPlane() {
        if (ownsDataPlane) {
            dataPlane.close();
        }
    }

    private void addPeer(SubnetLease l) {
        Map<String, DataPlane.Peer> known = peers.get(l.network());
        if (known == null || l.hostId().equals(cfg.hostId) || l.vtepMac().isEmpty()) {
            return;
        }
        DataPlane.Peer p = new DataPlane.Peer(l.subnet(), inet(l.subnet().substring(0, l.subnet().indexOf('/'))),
                l.vtepMac(), inet(l.advertise()));
        DataPlane.Peer old = known.put(l.subnet(), p);
        if (!p.equals(old)) {
            dataPlane.addPeer(OverlayConf.vxlanDevice(l.network()), p);
        }
    }

    private void onEvent(LeaseEvent e) {
        try {
            switch (e.kind()) {
                case NETWORK_ADDED -> {
                    if (!mine.containsKey(e.network())) {
                        store.network(e.network()).ifPresent(this::join);
                    }
                }
                case NETWORK_REMOVED -> leave(e.network());
                case LEASE_ADDED -> addPeer(e.lease());
                case LEASE_REMOVED -> {
                    Map<String, DataPlane.Peer> known = peers.get(e.network());
                    DataPlane.Peer p = known == null ? null : known.remove(e.lease().subnet());
                    if (p != null) {
                        dataPlane.removePeer(OverlayConf.vxlanDevice(e.network()), p);
                    }
                    SubnetLease own = mine.get(e.network());
                    if (own != null && own.subnet().equals(e.lease().subnet())) {
                        store.network(e.network()).ifPresent(this::join); // our lease expired: take one again
                    }
                }
                default -> throw new IllegalStateException(e.kind().toString());
            }
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "overlay agent failed on " + e, ex);
        }
    }

    private void leave(String network) {
        if (mine.remove(network) == null) {
            return;
        }
        peers.remove(network);
        // The conflist goes first, so no container ADD can start on a network whose device is already gone.
        try {
            Files.deleteIfExists(OverlayConf.file(cfg.confDir, network));
        } catch (IOException ex) {
            throw new CniException(UNKNOWN, "cannot delete conflist of " + network + ": " + ex.getMessage(), null, ex);
        }
        dataPlane.deleteVxlan(OverlayConf.vxlanDevice(network));
    }

    /**
     * This host's leases, by network name.
     *
     * @return an immutable copy
     */
    public Map<String, SubnetLease> leases() {
        Map<String, SubnetLease> copy = new HashMap<>();
        call(() -> copy.putAll(mine));
        return Map.copyOf(copy);
    }

    /** Stops without releasing: the leases expire after the TTL (a crash, for tests). */
    void crash() {
        watch.close();
        events.shutdownNow();
        store.abandon();
        closeDataPlane();
    }

    /** Stops watching and releases this host's leases; the devices stay for a restart to reuse. */
    @Override
    public void close() {
        watch.close();
        call(() -> mine.values().forEach(store::release));
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        closeDataPlane();
    }

    /**
     * Settings of an {@link OverlayAgent}.
     *
     * <pre>{@code
     * OverlayAgent.Builder b = OverlayAgent.builder().clusterStore(List.of("http://127.0.0.1:2379"))
     *         .advertiseAddress("192.0.2.10").confDir(Path.of("conf")).dataDir(Path.of("data"))
     *         .leaseTtl(Duration.ofSeconds(5));
     * }</pre>
     */
    public static final class Builder {
        private List<String> endpoints = List.of();
        private String advertise;
        private String hostId;
        private Path confDir;
        private Path dataDir;
        private Duration ttl = Duration.ofSeconds(30);
        private DataPlane dataPlane;
        private Duration refresh = Duration.ofSeconds(2);

        private Builder() {
        }

        /**
         * The etcd client URLs.
         *
         * @param value e.g. {@code http://10.0.0.1:2379}
         * @return this builder
         */
        public Builder clusterStore(List<String> value) {
            endpoints = List.copyOf(value);
            return this;
        }

        /**
         * This host's underlay address (VXLAN packets leave from it).
         *
         * @param value an IPv4 address of this host
         * @return this builder
         */
        public Builder advertiseAddress(String value) {
            advertise = Objects.requireNonNull(value, "advertise");
            return this;
        }

        /**
         * This host's identity in the store (default: the host name).
         *
         * @param value the host id
         * @return this builder
         */
        public Builder hostId(String value) {
            hostId = Objects.requireNonNull(value, "hostId");
            return this;
        }

        /**
         * Where the conflists are written.
         *
         * @param value the conf dir
         * @return this builder
         */
        public Builder confDir(Path value) {
            confDir = Objects.requireNonNull(value, "confDir");
            return this;
        }

        /**
         * Where IPAM allocations and agent state go.
         *
         * @param value the data dir
         * @return this builder
         */
        public Builder dataDir(Path value) {
            dataDir = Objects.requireNonNull(value, "dataDir");
            return this;
        }

        /**
         * How long the host's leases outlive the agent (default 30 s).
         *
         * @param value the TTL, at least 1 s
         * @return this builder
         */
        public Builder leaseTtl(Duration value) {
            ttl = Objects.requireNonNull(value, "ttl");
            return this;
        }

        /**
         * How often the agent publishes its host's attachment count per network (default 2 s); {@code network rm}
         * refuses a network while any host's count is above 0.
         *
         * @param value the period, at least 10 ms
         * @return this builder
         */
        public Builder attachmentRefresh(Duration value) {
            if (value.toMillis() < 10) {
                throw new CniException(UNKNOWN, "attachment refresh " + value + " is below 10 ms");
            }
            refresh = value;
            return this;
        }

        Builder dataPlane(DataPlane value) {
            dataPlane = Objects.requireNonNull(value, "dataPlane");
            return this;
        }

        /**
         * Connects, joins every overlay network in the store and starts watching. The VXLAN devices, routes,
         * neighbour and FDB entries go into the network namespace of the thread calling this method; kernel peers
         * that have no live lease any more (hosts gone while the agent was down) are removed.
         *
         * @return the running agent
         * @throws CniException if a setting is missing, etcd is unreachable or a join fails
         */
        public OverlayAgent start() {
            if (endpoints.isEmpty() || advertise == null || confDir == null || dataDir == null) {
                throw new CniException(UNKNOWN, "overlay agent needs a cluster store, an advertise address, a conf dir"
                        + " and a data dir");
            }
            if (hostId == null) {
                try {
                    hostId = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    throw new CniException(UNKNOWN, "cannot read the host name; set a host id: " + e.getMessage());
                }
            }
            return new OverlayAgent(this);
        }
    }
}
