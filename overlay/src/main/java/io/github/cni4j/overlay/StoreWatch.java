package io.github.cni4j.overlay;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A watch of the overlay's networks and leases (one prefix, {@code /cni4j/overlay/}). Events reach the listener on
 * one thread, in revision order. After an error (etcd restarted, connection lost) the watch starts again from the
 * last revision seen; if that revision is compacted away it re-lists the current leases and networks as ADDED
 * events (listeners must be idempotent) and watches from there.
 *
 * <pre>{@code
 * try (StoreWatch w = store.watch(e -> System.out.println(e.kind() + " " + e.lease().subnet()))) {
 *     Thread.sleep(60_000);
 * }
 * }</pre>
 */
public final class StoreWatch implements AutoCloseable {
    private static final String ROOT = "/cni4j/overlay/";
    private final EtcdStore store;
    private final Watch watch;
    private final Consumer<LeaseEvent> listener;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cni4j-overlay-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastRevision;
    private volatile boolean closed;
    private Watch.Watcher watcher;

    StoreWatch(EtcdStore store, Watch watch, Consumer<LeaseEvent> listener) {
        this.store = store;
        this.watch = watch;
        this.listener = listener;
        this.lastRevision = store.revision();
        start();
    }

    private synchronized void start() {
        if (closed) {
            return;
        }
        WatchOption opt = WatchOption.builder().isPrefix(true).withPrevKV(true).withRevision(lastRevision + 1).build();
        watcher = watch.watch(EtcdStore.bytes(ROOT), opt, Watch.listener(
                r -> events.execute(() -> deliver(r)), e -> events.execute(() -> recover(e))));
    }

    private void deliver(WatchResponse r) {
        for (WatchEvent e : r.getEvents()) {
            boolean put = e.getEventType() == WatchEvent.EventType.PUT;
            KeyValue kv = put ? e.getKeyValue() : e.getPrevKV();
            String key = EtcdStore.text(e.getKeyValue().getKey());
            lastRevision = Math.max(lastRevision, e.getKeyValue().getModRevision());
            LeaseEvent ev = toEvent(key, put, kv);
            if (ev != null && !closed) {
                try {
                    listener.accept(ev);
                } catch (RuntimeException ex) {
                    System.getLogger(StoreWatch.class.getName()).log(System.Logger.Level.WARNING,
                            "overlay watch listener failed on " + key, ex);
                }
            }
        }
    }

    private static LeaseEvent toEvent(String key, boolean put, KeyValue kv) {
        if (key.startsWith(EtcdStore.LEASES)) {
            String rest = key.substring(EtcdStore.LEASES.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return null;
            }
            String net = rest.substring(0, slash);
            String subnet = rest.substring(slash + 1).replace('-', '/');
            SubnetLease lease = kv == null || kv.getValue().isEmpty() ? new SubnetLease(net, subnet, "", "", "")
                    : SubnetLease.fromJson(net, subnet, EtcdStore.text(kv.getValue()));
            return new LeaseEvent(put ? LeaseEvent.Kind.LEASE_ADDED : LeaseEvent.Kind.LEASE_REMOVED, net, lease);
        }
        if (key.startsWith(EtcdStore.NETWORKS)) {
            String net = key.substring(EtcdStore.NETWORKS.length());
            return new LeaseEvent(put ? LeaseEvent.Kind.NETWORK_ADDED : LeaseEvent.Kind.NETWORK_REMOVED, net,
                    new SubnetLease(net, "", "", "", ""));
        }
        return null;
    }

    private void recover(Throwable error) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (watcher != null) {
                watcher.close();
            }
        }
        try {
            Thread.sleep(200);
            if (error instanceof CompactedException || error.getCause() instanceof CompactedException) {
                lastRevision = store.revision();
                for (OverlayNetwork n : store.networks()) {
                    listener.accept(new LeaseEvent(LeaseEvent.Kind.NETWORK_ADDED, n.name(),
                            new SubnetLease(n.name(), "", "", "", "")));
                    for (SubnetLease l : store.leases(n.name())) {
                        listener.accept(new LeaseEvent(LeaseEvent.Kind.LEASE_ADDED, n.name(), l));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            events.execute(() -> recover(e));
            return;
        }
        start();
    }

    /**
     * The revision of the last event delivered (or of the start).
     *
     * @return the etcd revision
     */
    public long lastRevision() {
        return lastRevision;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (watcher != null) {
                watcher.close();
            }
        }
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
