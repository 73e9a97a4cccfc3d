package io.github.cni4j.overlay;

import io.github.cni4j.overlay.internal.DataPlane;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A DataPlane in memory: records devices and peers as the kernel would hold them. */
final class RecordingDataPlane implements DataPlane {
    final Map<String, Vxlan> devices = new ConcurrentHashMap<>();
    final Map<String, Map<String, Peer>> peers = new ConcurrentHashMap<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String mac;

    RecordingDataPlane(String mac) {
        this.mac = mac;
    }

    @Override
    public Underlay underlay(InetAddress advertise) {
        return new Underlay("c4j-under", 7, 1500);
    }

    @Override
    public String ensureVxlan(Vxlan vxlan) {
        calls.add("ensureVxlan " + vxlan.device());
        devices.put(vxlan.device(), vxlan);
        peers.putIfAbsent(vxlan.device(), new ConcurrentHashMap<>());
        return mac;
    }

    @Override
    public void addPeer(String device, Peer peer) {
        calls.add("addPeer " + device + " " + peer.subnet());
        peers.get(device).put(peer.subnet(), peer);
    }

    @Override
    public void removePeer(String device, Peer peer) {
        calls.add("removePeer " + device + " " + peer.subnet());
        Map<String, Peer> m = peers.get(device);
        if (m != null) {
            m.remove(peer.subnet());
        }
    }

    @Override
    public void deleteVxlan(String device) {
        calls.add("deleteVxlan " + device);
        devices.remove(device);
        peers.remove(device);
    }

    @Override
    public List<Peer> peers(String device) {
        return List.copyOf(peers.getOrDefault(device, Map.of()).values());
    }

    @Override
    public void close() {
    }
}
