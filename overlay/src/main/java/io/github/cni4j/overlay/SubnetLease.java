package io.github.cni4j.overlay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One host's subnet of one overlay network, as stored in the cluster store.
 *
 * <pre>{@code
 * SubnetLease lease = store.lease("web", "host-a", "192.0.2.10", "aa:bb:cc:dd:ee:01");
 * lease.subnet(); // e.g. "10.200.3.0/24"
 * }</pre>
 *
 * @param network the overlay network's name
 * @param subnet the host's subnet in CIDR notation
 * @param hostId the host's identity
 * @param advertise the host's underlay (advertise) address
 * @param vtepMac the MAC of the host's VXLAN device
 */
public record SubnetLease(String network, String subnet, String hostId, String advertise, String vtepMac) {

    /** Checks that no field is null. */
    public SubnetLease {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(advertise, "advertise");
        Objects.requireNonNull(vtepMac, "vtepMac");
    }

    String toJson() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("hostId", hostId);
        f.put("advertise", advertise);
        f.put("vtepMac", vtepMac);
        return Json.write(f);
    }

    static SubnetLease fromJson(String network, String subnet, String json) {
        Map<String, String> f = Json.read(json);
        return new SubnetLease(network, subnet, f.getOrDefault("hostId", ""), f.getOrDefault("advertise", ""),
                f.getOrDefault("vtepMac", ""));
    }
}
