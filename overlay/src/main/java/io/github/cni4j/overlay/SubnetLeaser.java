package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.util.Map;
import java.util.Objects;

/**
 * Leases each host one subnet of an overlay network's range: a host that already holds a subnet keeps it, a new
 * host takes a free one with one atomic {@link LeaseStore#putIfAbsent}, so no subnet ever goes to two hosts.
 * Keys: {@code /cni4j/overlay/leases/<network>/<subnet with '-' for '/'>} = host identity.
 *
 * <pre>{@code
 * SubnetLeaser leaser = new SubnetLeaser(SubnetPlan.of("10.200.0.0/16", 24), new InMemoryLeaseStore());
 * String subnet = leaser.lease("web", "192.0.2.1"); // e.g. "10.200.0.0/24"
 * }</pre>
 */
public final class SubnetLeaser {
    /** The prefix of every lease key. */
    public static final String LEASE_PREFIX = "/cni4j/overlay/leases/";

    private final SubnetPlan plan;
    private final LeaseStore store;

    /**
     * A leaser over one plan and store.
     *
     * @param plan the network's range and host prefix
     * @param store the shared store
     */
    public SubnetLeaser(SubnetPlan plan, LeaseStore store) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Leases (or finds again) the subnet of one host in one network.
     *
     * @param network the overlay network's name
     * @param host the host identity (advertise address or host id)
     * @return the host's subnet in CIDR notation
     * @throws CniException if every subnet of the range is taken by other hosts
     */
    public String lease(String network, String host) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(host, "host");
        String prefix = LEASE_PREFIX + network + "/";
        for (Map.Entry<String, String> e : store.list(prefix).entrySet()) {
            if (e.getValue().equals(host)) {
                return e.getKey().substring(prefix.length()).replace('-', '/');
            }
        }
        int count = plan.count();
        int start = Math.floorMod(host.hashCode(), count);
        for (int i = 0; i < count; i++) {
            String subnet = plan.subnet((start + i) % count);
            if (store.putIfAbsent(prefix + subnet.replace('/', '-'), host)) {
                return subnet;
            }
            if (store.get(prefix + subnet.replace('/', '-')).filter(host::equals).isPresent()) {
                return subnet;
            }
        }
        throw new CniException(UNKNOWN, "subnet range " + plan.range() + " exhausted: all " + count + " /"
                + plan.hostPrefix() + " subnets are leased to other hosts (" + store.list(prefix).size()
                + " hosts in network " + network + "); host " + host + " gets none");
    }
}
