package io.github.cni4j.overlay;

import java.util.Objects;

/**
 * A change in the cluster store seen by a watcher: a host's subnet lease appeared or ended, or a network was
 * created or removed.
 *
 * <pre>{@code
 * store.watch(event -> {
 *     if (event.kind() == LeaseEvent.Kind.LEASE_REMOVED) {
 *         System.out.println("peer gone: " + event.lease().subnet());
 *     }
 * });
 * }</pre>
 *
 * @param kind what happened
 * @param network the network's name
 * @param lease the lease (for lease events; for network events a lease with only the network set)
 */
public record LeaseEvent(Kind kind, String network, SubnetLease lease) {

    /** What happened. */
    public enum Kind {
        /** A host leased (or re-leased) a subnet. */
        LEASE_ADDED,
        /** A host's lease ended (released or expired). */
        LEASE_REMOVED,
        /** A network was created. */
        NETWORK_ADDED,
        /** A network was removed. */
        NETWORK_REMOVED
    }

    /** Checks that no field is null. */
    public LeaseEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(lease, "lease");
    }
}
