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
 * @param attachments how many container addresses the host's IPAM holds in this network, as its agent last
 *     published it (0 when unknown)
 */
public record SubnetLease(String network, String subnet, String hostId, String advertise, String vtepMac,
        int attachments) {

    /** Checks that no field is null and the attachment count is not negative. */
    public SubnetLease {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(advertise, "advertise");
        Objects.requireNonNull(vtepMac, "vtepMac");
        if (attachments < 0) {
            throw new IllegalArgumentException("attachments " + attachments + " < 0");
        }
    }

    /**
     * A lease with no attachments published.
     *
     * @param network the overlay network's name
     * @param subnet the host's subnet
     * @param hostId the host's identity
     * @param advertise the host's underlay address
     * @param vtepMac the MAC of the host's VXLAN device
     */
    public SubnetLease(String network, String subnet, String hostId, String advertise, String vtepMac) {
        this(network, subnet, hostId, advertise, vtepMac, 0);
    }

    /**
     * This lease with another attachment count.
     *
     * @param count the number of container addresses on the host
     * @return a copy
     */
    public SubnetLease withAttachments(int count) {
        return new SubnetLease(network, subnet, hostId, advertise, vtepMac, count);
    }

    String toJson() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("hostId", hostId);
        f.put("advertise", advertise);
        f.put("vtepMac", vtepMac);
        f.put("attachments", Integer.toString(attachments));
        return Json.write(f);
    }

    static SubnetLease fromJson(String network, String subnet, String json) {
        Map<String, String> f = Json.read(json);
        int attachments;
        try {
            attachments = Math.max(0, Integer.parseInt(f.getOrDefault("attachments", "0")));
        } catch (NumberFormatException e) {
            attachments = 0;
        }
        return new SubnetLease(network, subnet, f.getOrDefault("hostId", ""), f.getOrDefault("advertise", ""),
                f.getOrDefault("vtepMac", ""), attachments);
    }
}
