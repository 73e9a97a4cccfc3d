package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.support.CloseableClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The overlay's shared state in etcd v3. Keys: {@code /cni4j/overlay/networks/<name>} (network definition, JSON),
 * {@code /cni4j/overlay/vnis/<vni>} (the network owning a VXLAN id) and
 * {@code /cni4j/overlay/leases/<network>/<subnet with '-' for '/'>} (host id, advertise address, VTEP MAC, JSON),
 * the leases bound to this client's etcd lease, which a keepalive stream holds while the client lives.
 * A subnet is taken in one transaction (the key's create revision must be 0), so no subnet goes to two hosts.
 *
 * <pre>{@code
 * try (EtcdStore store = EtcdStore.connect(List.of("http://127.0.0.1:2379"), Duration.ofSeconds(30))) {
 *     store.createNetwork(OverlayNetwork.of("web", "10.200.0.0/16", 4097));
 *     SubnetLease mine = store.lease("web", "host-a", "192.0.2.10", "aa:bb:cc:dd:ee:01");
 * }
 * }</pre>
 */
public final class EtcdStore implements AutoCloseable {
    /** Prefix of the network definitions. */
    public static final String NETWORKS = "/cni4j/overlay/networks/";
    /** Prefix of the VXLAN id claims. */
    public static final String VNIS = "/cni4j/overlay/vnis/";
    /** Prefix of the subnet leases. */
    public static final String LEASES = SubnetLeaser.LEASE_PREFIX;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Client client;
    private final List<String> endpoints;
    private final Duration ttl;
    private long leaseId;
    private CloseableClient keepAlive;

    private EtcdStore(Client client, List<String> endpoints, Duration ttl) {
        this.client = client;
        this.endpoints = endpoints;
        this.ttl = ttl;
    }

    /**
     * Connects to etcd and checks it answers.
     *
     * @param endpoints client URLs, e.g. {@code http://127.0.0.1:2379}
     * @param leaseTtl how long this host's leases outlive a stopped keepalive (at least 1 s)
     * @return the store
     * @throws CniException naming the endpoints if etcd does not answer within 5 s
     */
    public static EtcdStore connect(List<String> endpoints, Duration leaseTtl) {
        List<String> eps = List.copyOf(endpoints);
        if (eps.isEmpty() || leaseTtl.toSeconds() < 1) {
            throw new CniException(UNKNOWN, "cluster store needs at least one endpoint and a lease TTL of 1 s or more");
        }
        EtcdStore store = new EtcdStore(Client.builder().endpoints(eps.toArray(String[]::new)).build(), eps, leaseTtl);
        try {
            store.await(store.client.getKVClient().get(bytes(NETWORKS)), "connect");
        } catch (CniException e) {
            store.client.close();
            throw e;
        }
        return store;
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CniException(UNKNOWN, "etcd unreachable at " + String.join(",", endpoints) + ": " + what
                    + " timed out after " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new CniException(UNKNOWN, "etcd at " + String.join(",", endpoints) + " failed to " + what + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CniException(UNKNOWN, "interrupted while waiting for etcd to " + what);
        }
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    private List<KeyValue> range(String prefix) {
        GetResponse r = await(client.getKVClient().get(bytes(prefix), GetOption.builder().isPrefix(true).build()),
                "list " + prefix);
        return r.getKvs();
    }

    /**
     * Stores a network definition, claiming its VXLAN id, in one transaction.
     *
     * @param network the definition
     * @return the stored definition, with its creation time
     * @throws CniException if the name exists or another network holds the VXLAN id
     */
    public OverlayNetwork createNetwork(OverlayNetwork network) {
        String created = Instant.now().toString();
        ByteSequence key = bytes(NETWORKS + network.name());
        ByteSequence vni = bytes(VNIS + network.vni());
        boolean ok = await(client.getKVClient().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)),
                        new Cmp(vni, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(key, bytes(network.toJson(created)), PutOption.DEFAULT),
                        Op.put(vni, bytes(network.name()), PutOption.DEFAULT))
                .commit(), "create network " + network.name()).isSucceeded();
        if (!ok) {
            if (network(network.name()).isPresent()) {
                throw new CniException(UNKNOWN, "overlay network " + network.name() + " already exists");
            }
            List<KeyValue> owner = range(VNIS + network.vni());
            throw new CniException(UNKNOWN, "VXLAN id " + network.vni() + " is in use by overlay network "
                    + (owner.isEmpty() ? "?" : text(owner.get(0).getValue())) + "; pick another vxlanid_list");
        }
        return OverlayNetwork.fromJson(network.toJson(created));
    }

    /**
     * One network definition.
     *
     * @param name the network name
     * @return the definition, or empty
     */
    public Optional<OverlayNetwork> network(String name) {
        List<KeyValue> kvs = range(NETWORKS + name);
        return kvs.stream().filter(kv -> text(kv.getKey()).equals(NETWORKS + name)).findFirst()
                .map(kv -> OverlayNetwork.fromJson(text(kv.getValue())));
    }

    /**
     * Every network definition, by name.
     *
     * @return the definitions
     */
    public List<OverlayNetwork> networks() {
        List<OverlayNetwork> out = new ArrayList<>();
        for (KeyValue kv : range(NETWORKS)) {
            out.add(OverlayNetwork.fromJson(text(kv.getValue())));
        }
        return List.copyOf(out);
    }

    /**
     * Removes a network definition, its VXLAN id claim and all its leases.
     *
     * @param name the network name
     * @throws CniException if no such network exists
     */
    public void removeNetwork(String name) {
        OverlayNetwork n = network(name)
                .orElseThrow(() -> new CniException(UNKNOWN,
                        "overlay network " + name + " not found in the cluster store"));
        KV kv = client.getKVClient();
        await(kv.txn().Then(Op.delete(bytes(NETWORKS + name), DeleteOption.DEFAULT),
                Op.delete(bytes(VNIS + n.vni()), DeleteOption.DEFAULT),
                Op.delete(bytes(LEASES + name + "/"), DeleteOption.builder().isPrefix(true).build())).commit(),
                "remove network " + name);
    }

    private static final System.Logger KEEPALIVE_LOG = System.getLogger(EtcdStore.class.getName());

    private synchronized long etcdLease() {
        if (leaseId == 0) {
            leaseId = await(client.getLeaseClient().grant(ttl.toSeconds()), "grant a lease").getID();
            keepAlive = client.getLeaseClient().keepAlive(leaseId, new io.grpc.stub.StreamObserver<>() {
                @Override
                public void onNext(io.etcd.jetcd.lease.LeaseKeepAliveResponse r) {
                }

                @Override
                public void onError(Throwable t) {
                    // jetcd retries the stream itself; a keepalive lost for good shows as the lease expiring, which
                    // the next lease() call repairs, so this only has to be visible.
                    KEEPALIVE_LOG.log(System.Logger.Level.WARNING, "etcd lease keepalive to "
                            + String.join(",", endpoints) + " failed: " + t);
                }

                @Override
                public void onCompleted() {
                    KEEPALIVE_LOG.log(System.Logger.Level.WARNING, "etcd lease keepalive to "
                            + String.join(",", endpoints) + " ended; the lease expires after " + ttl.toSeconds()
                            + " s unless renewed");
                }
            });
        }
        return leaseId;
    }

    /**
     * Leases this host a subnet of a network, or finds the subnet it holds (a rejoin within the TTL), and binds it
     * to this client's etcd lease.
     *
     * @param network the network name
     * @param hostId the host identity
     * @param advertise the host's underlay address
     * @param vtepMac the MAC of the host's VXLAN device
     * @return the lease
     * @throws CniException if the network is missing or its range is exhausted
     */
    public SubnetLease lease(String network, String hostId, String advertise, String vtepMac) {
        try {
            return leaseOnce(network, hostId, advertise, vtepMac);
        } catch (CniException e) {
            if (e.getMessage() == null || !e.getMessage().contains("lease not found")) {
                throw e;
            }
            synchronized (this) { // our etcd lease expired (keepalive lost for longer than the TTL): take a new one
                stopKeepAlive();
                leaseId = 0;
            }
            return leaseOnce(network, hostId, advertise, vtepMac);
        }
    }

    private SubnetLease leaseOnce(String network, String hostId, String advertise, String vtepMac) {
        OverlayNetwork net = network(network)
                .orElseThrow(() -> new CniException(UNKNOWN,
                        "overlay network " + network + " not found in the cluster store"));
        String prefix = LEASES + network + "/";
        long id = etcdLease();
        PutOption put = PutOption.builder().withLeaseId(id).build();
        List<KeyValue> taken = range(prefix);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (KeyValue kv : taken) {
            String subnet = text(kv.getKey()).substring(prefix.length()).replace('-', '/');
            used.add(subnet);
            SubnetLease old = SubnetLease.fromJson(network, subnet, text(kv.getValue()));
            if (old.hostId().equals(hostId)) {
                SubnetLease now = new SubnetLease(network, subnet, hostId, advertise, vtepMac,
                        old.attachments());
                boolean same = await(client.getKVClient().txn()
                        .If(new Cmp(kv.getKey(), Cmp.Op.EQUAL, CmpTarget.modRevision(kv.getModRevision())))
                        .Then(Op.put(kv.getKey(), bytes(now.toJson()), put)).commit(), "renew lease").isSucceeded();
                if (same) {
                    return now;
                }
            }
        }
        SubnetPlan plan = net.plan();
        int count = plan.count();
        int start = Math.floorMod(hostId.hashCode(), count);
        for (int i = 0; i < count; i++) {
            String subnet = plan.subnet((start + i) % count);
            if (used.contains(subnet)) {
                continue;
            }
            SubnetLease mine = new SubnetLease(network, subnet, hostId, advertise, vtepMac);
            ByteSequence key = bytes(prefix + subnet.replace('/', '-'));
            if (await(client.getKVClient().txn().If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                    .Then(Op.put(key, bytes(mine.toJson()), put)).commit(), "take subnet " + subnet).isSucceeded()) {
                return mine;
            }
        }
        throw new CniException(UNKNOWN, "subnet range " + plan.range() + " of overlay network " + network
                + " exhausted: all " + count + " /" + plan.hostPrefix() + " subnets are leased ("
                + range(prefix).size() + " hosts); host " + hostId + " gets none");
    }

    /**
     * All current leases of a network.
     *
     * @param network the network name
     * @return the leases
     */
    public List<SubnetLease> leases(String network) {
        String prefix = LEASES + network + "/";
        List<SubnetLease> out = new ArrayList<>();
        for (KeyValue kv : range(prefix)) {
            out.add(SubnetLease.fromJson(network, text(kv.getKey()).substring(prefix.length()).replace('-', '/'),
                    text(kv.getValue())));
        }
        return List.copyOf(out);
    }

    /**
     * Publishes how many container addresses a host holds in its subnet, if the lease still exists; the key stays
     * bound to this client's etcd lease.
     *
     * @param lease the lease, with the new count
     * @return true if the lease existed and was updated
     */
    public boolean publishAttachments(SubnetLease lease) {
        ByteSequence key = bytes(LEASES + lease.network() + "/" + lease.subnet().replace('/', '-'));
        PutOption put = PutOption.builder().withLeaseId(etcdLease()).build();
        return await(client.getKVClient().txn().If(new Cmp(key, Cmp.Op.GREATER, CmpTarget.version(0)))
                .Then(Op.put(key, bytes(lease.toJson()), put)).commit(), "publish attachments of "
                + lease.subnet()).isSucceeded();
    }

    /**
     * The VXLAN ids in use, by any network.
     *
     * @return the claimed ids
     */
    public java.util.Set<Integer> vnis() {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (KeyValue kv : range(VNIS)) {
            try {
                out.add(Integer.parseInt(text(kv.getKey()).substring(VNIS.length())));
            } catch (NumberFormatException e) {
                // not ours
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /**
     * Gives a subnet back.
     *
     * @param lease the lease to end
     */
    public void release(SubnetLease lease) {
        await(client.getKVClient().delete(bytes(LEASES + lease.network() + "/" + lease.subnet().replace('/', '-'))),
                "release " + lease.subnet());
    }

    /**
     * Watches leases and networks from now on; see {@link StoreWatch} for reconnects and compaction.
     *
     * @param listener receives every event, on one thread
     * @return the watch; close it to stop
     */
    public StoreWatch watch(Consumer<LeaseEvent> listener) {
        return new StoreWatch(this, client.getWatchClient(), Objects.requireNonNull(listener, "listener"));
    }

    long revision() {
        return await(client.getKVClient().get(bytes(NETWORKS), GetOption.builder().withCountOnly(true).build()),
                "read the revision").getHeader().getRevision();
    }

    /** Stops the keepalive without revoking: the leases expire after the TTL, as if this host crashed. */
    public synchronized void stopKeepAlive() {
        if (keepAlive != null) {
            keepAlive.close();
            keepAlive = null;
        }
    }

    @Override
    public synchronized void close() {
        stopKeepAlive();
        if (leaseId != 0) {
            try {
                await(client.getLeaseClient().revoke(leaseId), "revoke the lease");
            } catch (CniException e) {
                // etcd gone: the lease expires by its TTL
            }
        }
        client.close();
    }

    /** For the crash simulation: close the client without revoking. */
    public synchronized void abandon() {
        stopKeepAlive();
        client.close();
    }
}
