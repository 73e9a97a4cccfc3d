package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creating and removing overlay networks the way {@code docker network create -d overlay} does: Docker's option
 * names, the first free VXLAN id from 4096 up when none is given, and no removal while a host still has
 * containers attached.
 *
 * <pre>{@code
 * try (EtcdStore store = EtcdStore.connect(List.of("http://127.0.0.1:2379"), Duration.ofSeconds(30))) {
 *     OverlayNetwork web = OverlayNetworks.create(store, "web", "10.200.0.0/16",
 *             Map.of("com.docker.network.driver.mtu", "1400"), false, Map.of("team", "blue"));
 *     OverlayNetworks.remove(store, "web");
 * }
 * }</pre>
 */
public final class OverlayNetworks {
    /** Docker's VXLAN id option (one id: a cni4j overlay network is one VXLAN segment). */
    public static final String VXLAN_ID = "com.docker.network.driver.overlay.vxlanid_list";
    /** Docker's MTU option. */
    public static final String MTU = "com.docker.network.driver.mtu";
    /** The prefix length of each host's subnet (default 24). */
    public static final String HOST_PREFIX = "cni4j.overlay.host-prefix";
    /** The first VXLAN id picked when none is given (Docker's overlay driver starts at 4096 too). */
    public static final int FIRST_VNI = 4096;

    private static final Set<String> KNOWN = Set.of(VXLAN_ID, MTU, HOST_PREFIX);

    private OverlayNetworks() {
    }

    /**
     * Stores a new overlay network.
     *
     * @param store the cluster store
     * @param name the network name
     * @param subnet the whole overlay range, e.g. {@code 10.200.0.0/16}
     * @param options Docker-style driver options: {@value #VXLAN_ID}, {@value #MTU}, {@value #HOST_PREFIX}
     * @param internal true for no default route out of the overlay
     * @param labels free-form labels
     * @return the stored network
     * @throws CniException on an unknown option (naming all of them), a bad value, a name that exists or a
     *     VXLAN id in use
     */
    public static OverlayNetwork create(EtcdStore store, String name, String subnet, Map<String, String> options,
            boolean internal, Map<String, String> labels) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new CniException(UNKNOWN, "unknown overlay network option" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(KNOWN)) + ")");
        }
        int prefix = options.containsKey(HOST_PREFIX) ? number(HOST_PREFIX, options.get(HOST_PREFIX), 1, 32) : 24;
        Integer mtu = options.containsKey(MTU) ? number(MTU, options.get(MTU), 576, 65535) : null;
        boolean fixedVni = options.containsKey(VXLAN_ID);
        if (fixedVni && options.get(VXLAN_ID).contains(",")) {
            throw new CniException(UNKNOWN, "option " + VXLAN_ID + "=" + options.get(VXLAN_ID)
                    + ": one VXLAN id per network (a cni4j overlay network is one segment)");
        }
        int vni = fixedVni ? number(VXLAN_ID, options.get(VXLAN_ID), 1, 16777215) : freeVni(store.vnis(), FIRST_VNI);
        for (int attempt = 0; ; attempt++) {
            OverlayNetwork net = OverlayNetwork.of(name, subnet, vni).withHostPrefix(prefix).withInternal(internal)
                    .withLabels(labels);
            if (mtu != null) {
                net = net.withMtu(mtu);
            }
            try {
                return store.createNetwork(net);
            } catch (CniException e) {
                // another client took the same free id at the same time: take the next one
                if (fixedVni || attempt >= 8 || store.network(name).isPresent()) {
                    throw e;
                }
                vni = freeVni(store.vnis(), vni + 1);
            }
        }
    }

    /**
     * Removes an overlay network, unless a host still has containers on it.
     *
     * @param store the cluster store
     * @param name the network name
     * @throws CniException if the network does not exist, or naming the hosts that still have attachments
     */
    public static void remove(EtcdStore store, String name) {
        store.network(name)
                .orElseThrow(() -> new CniException(UNKNOWN,
                        "overlay network " + name + " not found in the cluster store"));
        List<SubnetLease> busy = store.leases(name).stream().filter(l -> l.attachments() > 0).toList();
        if (!busy.isEmpty()) {
            Map<String, Integer> byHost = new TreeMap<>();
            busy.forEach(l -> byHost.merge(l.hostId(), l.attachments(), Integer::sum));
            throw new CniException(UNKNOWN, "overlay network " + name + " has active endpoints on "
                    + byHost.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", "))
                    + ": remove those containers first");
        }
        store.removeNetwork(name);
    }

    static int freeVni(Set<Integer> used, int from) {
        for (int v = Math.max(1, from); v <= 16777215; v++) {
            if (!used.contains(v)) {
                return v;
            }
        }
        throw new CniException(UNKNOWN, "no free VXLAN id from " + from + " up");
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CniException(UNKNOWN,
                "option " + option + "=" + value + ": expected a number in " + min + ".." + max);
    }
}
