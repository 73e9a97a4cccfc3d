package io.github.cni4j.overlay.internal;

import io.github.cni4j.error.CniException;

import java.net.InetAddress;
import java.util.List;

/**
 * The kernel side of one host's overlay, in the network namespace the agent runs in: a VXLAN device per network and,
 * per peer host, a route to its subnet, a neighbour entry and an FDB entry (the model of flannel's vxlan backend).
 * Every call is idempotent, so an agent that restarts can replay its whole state.
 */
public interface DataPlane extends AutoCloseable {

    /** The underlay link holding the advertise address: the VXLAN device sends over it. */
    record Underlay(String device, int index, int mtu) {}

    /**
     * One VXLAN device.
     *
     * @param device device name, at most 15 bytes (e.g. {@code c4jv-web})
     * @param vni VXLAN network identifier, 1..16777215
     * @param port UDP destination port (4789 by default)
     * @param local the underlay (advertise) address packets leave from
     * @param underlayIndex index of the underlay link
     * @param mtu the device MTU
     * @param vtepCidr this host's VTEP address on the device, e.g. {@code 10.200.3.0/32}
     */
    record Vxlan(String device, int vni, int port, InetAddress local, int underlayIndex, int mtu, String vtepCidr) {}

    /**
     * One peer host as the data plane needs it.
     *
     * @param subnet the peer's leased subnet, e.g. {@code 10.200.4.0/24}
     * @param vtepIp the peer's VTEP address (the subnet's network address), the route's next hop
     * @param vtepMac the MAC of the peer's VXLAN device, {@code aa:bb:cc:dd:ee:ff}
     * @param underlay the peer's underlay (advertise) address, the FDB destination
     */
    record Peer(String subnet, InetAddress vtepIp, String vtepMac, InetAddress underlay) {}

    /**
     * Finds the link that holds the advertise address.
     *
     * @throws io.github.cni4j.error.CniException naming the address and the addresses this host has, if no
     *     link holds it
     */
    Underlay underlay(InetAddress advertise);

    /**
     * Creates the VXLAN device, or updates it when it exists with the same VNI and port, sets its address and
     * brings it up.
     *
     * @return the device's MAC address, {@code aa:bb:cc:dd:ee:ff}
     * @throws io.github.cni4j.error.CniException when the VNI or port is in use by another device
     */
    String ensureVxlan(Vxlan vxlan);

    /** Adds or replaces the route, neighbour and FDB entry for a peer on the device. */
    void addPeer(String device, Peer peer);

    /** Removes the route, neighbour and FDB entry for a peer; entries already gone are ignored. */
    void removePeer(String device, Peer peer);

    /** Deletes the VXLAN device (and with it its routes, neighbours and FDB entries); a missing device is fine. */
    void deleteVxlan(String device);

    /** The peers installed on a device, read back from the kernel (routes via the device with onlink). */
    List<Peer> peers(String device);

    @Override
    void close();
}
