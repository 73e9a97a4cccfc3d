package io.github.cni4j.overlay.internal;

import static io.github.cni4j.error.CniException.UNKNOWN;

import static io.github.cni4j.overlay.internal.netlink.Rtnl.*;

import io.github.cni4j.error.CniException;
import io.github.cni4j.overlay.internal.netlink.Attrs;
import io.github.cni4j.overlay.internal.netlink.Errno;
import io.github.cni4j.overlay.internal.netlink.NetlinkException;
import io.github.cni4j.overlay.internal.netlink.Request;
import io.github.cni4j.overlay.internal.netlink.RtnlSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DataPlane} through rtnetlink, flannel's vxlan model: a VXLAN device without learning, and per peer a
 * permanent neighbour entry (VTEP IP to VTEP MAC), a permanent FDB entry (VTEP MAC to the peer's underlay address)
 * and an onlink route to the peer's subnet via its VTEP IP. It works in the network namespace of the thread that
 * constructs it; it is thread-safe.
 */
public final class NetlinkDataPlane implements DataPlane {

    private final RtnlSocket socket;

    /** Opens the netlink socket in the calling thread's network namespace. */
    public NetlinkDataPlane() {
        this.socket = RtnlSocket.open();
    }

    /** One link as RTM_GETLINK reports it. */
    record Link(int index, String name, int mtu, String mac, String kind, int vni, int port, Optional<InetAddress> local,
            int underlay) {
    }

    @Override
    public Underlay underlay(InetAddress advertise) {
        List<String> seen = new ArrayList<>();
        for (ByteBuffer m : socket.dump(new Request(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP).pad(IFADDRMSG_LEN),
                "list addresses")) {
            Attrs a = Attrs.parse(m, IFADDRMSG_LEN);
            Optional<InetAddress> ip = a.address(IFA_LOCAL).or(() -> a.address(IFA_ADDRESS));
            if (ip.isEmpty()) {
                continue;
            }
            int index = m.getInt(4);
            if (ip.get().equals(advertise)) {
                Link l = link(index).orElseThrow(() -> new CniException(UNKNOWN,
                        "link " + index + " of advertise address "
                        + advertise.getHostAddress() + " vanished"));
                return new Underlay(l.name(), l.index(), l.mtu());
            }
            seen.add(ip.get().getHostAddress());
        }
        throw new CniException(UNKNOWN, "advertise address " + advertise.getHostAddress()
                + " is not on this host; its addresses: " + String.join(", ", seen));
    }

    @Override
    public String ensureVxlan(Vxlan v) {
        if (v.device().getBytes(StandardCharsets.UTF_8).length > 15 || v.device().isEmpty()) {
            throw new CniException(UNKNOWN, "VXLAN device name must be 1 to 15 bytes: " + v.device());
        }
        if (v.vni() < 1 || v.vni() > 0xffffff || v.port() < 1 || v.port() > 0xffff) {
            throw new CniException(UNKNOWN,
                    "VXLAN id must be 1..16777215 and port 1..65535: " + v.vni() + ", " + v.port());
        }
        InetAddress vtep = Cidrs.network(v.vtepCidr());
        int prefix = Cidrs.prefix(v.vtepCidr());
        List<Link> links = links();
        for (Link l : links) {
            if (!l.name().equals(v.device()) && "vxlan".equals(l.kind()) && l.vni() == v.vni()
                    && l.port() == v.port()) {
                throw new CniException(UNKNOWN,
                        "VXLAN id " + v.vni() + " with port " + v.port() + " is in use by device "
                        + l.name() + "; choose another vxlanid_list value");
            }
        }
        Optional<Link> existing = links.stream().filter(l -> l.name().equals(v.device())).findFirst();
        if (existing.isPresent()) {
            Link l = existing.get();
            if (!"vxlan".equals(l.kind())) {
                throw new CniException(UNKNOWN, "device " + v.device() + " exists and is not a VXLAN device (kind "
                        + (l.kind().isEmpty() ? "none" : l.kind()) + ")");
            }
            boolean same = l.vni() == v.vni() && l.port() == v.port() && l.local().equals(Optional.of(v.local()))
                    && l.underlay() == v.underlayIndex();
            if (!same) {
                deleteVxlan(v.device()); // as flannel: an incompatible device is made again
                existing = Optional.empty();
            } else if (l.mtu() != v.mtu()) {
                ack(new Request(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK).u8(AF_UNSPEC).pad(3).u32(l.index()).u32(0)
                        .u32(0).attrU32(IFLA_MTU, v.mtu()), "set MTU " + v.mtu() + " on " + v.device());
            }
        }
        if (existing.isEmpty()) {
            create(v);
        }
        Link l = link(v.device()).orElseThrow(() -> new CniException(UNKNOWN, "VXLAN device " + v.device()
                + " vanished after creation"));
        setAddress(l.index(), vtep, prefix, v.device());
        try {
            ack(new Request(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK).u8(AF_UNSPEC).pad(3).u32(l.index())
                    .u32(IFF_UP).u32(IFF_UP), "set " + v.device() + " up");
        } catch (CniException e) {
            if (e.getCause() instanceof NetlinkException ne && ne.errno() == Errno.EADDRINUSE) {
                throw new CniException(UNKNOWN, "UDP port " + v.port() + " of VXLAN device " + v.device()
                        + " is in use by another socket: " + ne.getMessage());
            }
            throw e;
        }
        return l.mac();
    }

    private void create(Vxlan v) {
        Request r = new Request(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL).u8(AF_UNSPEC)
                .pad(3).u32(0).u32(0).u32(0).string(IFLA_IFNAME, v.device()).attrU32(IFLA_MTU, v.mtu())
                .nest(IFLA_LINKINFO).string(IFLA_INFO_KIND, "vxlan").nest(IFLA_INFO_DATA)
                .attrU32(IFLA_VXLAN_ID, v.vni())
                .attr(v.local() instanceof Inet4Address ? IFLA_VXLAN_LOCAL : IFLA_VXLAN_LOCAL6, v.local().getAddress())
                .attrU32(IFLA_VXLAN_LINK, v.underlayIndex()).attrU16Be(IFLA_VXLAN_PORT, v.port())
                .attrU8(IFLA_VXLAN_LEARNING, 0).end().end();
        try {
            socket.ack(r, "create VXLAN device " + v.device());
        } catch (NetlinkException e) {
            if (e.errno() == Errno.EEXIST) {
                throw new CniException(UNKNOWN, "VXLAN id " + v.vni() + " with port " + v.port()
                        + " or the name " + v.device() + " is already in use: " + e.getMessage());
            }
            if (e.errno() == Errno.EADDRINUSE) {
                throw new CniException(UNKNOWN, "UDP port " + v.port() + " for VXLAN device " + v.device()
                        + " is in use: " + e.getMessage());
            }
            throw wrap(e.getMessage(), e);
        }
    }

    private void setAddress(int index, InetAddress vtep, int prefix, String device) {
        int family = vtep instanceof Inet4Address ? AF_INET : AF_INET6;
        for (ByteBuffer m : socket.dump(new Request(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP).u8(family).pad(7),
                "list addresses")) {
            Attrs a = Attrs.parse(m, IFADDRMSG_LEN);
            Optional<InetAddress> ip = a.address(IFA_LOCAL).or(() -> a.address(IFA_ADDRESS));
            int p = m.get(1) & 0xff;
            if (m.getInt(4) == index && (m.get(0) & 0xff) == family && ip.isPresent()
                    && !(ip.get().equals(vtep) && p == prefix)) {
                ack(addr(RTM_DELADDR, 0, family, p, index, ip.get()), "remove old address from " + device);
            }
        }
        ack(addr(RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, family, prefix, index, vtep),
                "set address " + vtep.getHostAddress() + "/" + prefix + " on " + device);
    }

    private static Request addr(int type, int flags, int family, int prefix, int index, InetAddress ip) {
        return new Request(type, NLM_F_REQUEST | NLM_F_ACK | flags).u8(family).u8(prefix).u8(0).u8(0).u32(index)
                .attr(IFA_LOCAL, ip.getAddress()).attr(IFA_ADDRESS, ip.getAddress());
    }

    @Override
    public void addPeer(String device, Peer peer) {
        int index = index(device);
        int flags = NLM_F_CREATE | NLM_F_REPLACE;
        ack(PeerRequests.neighbour(RTM_NEWNEIGH, flags, index, peer), "add neighbour " + describe(peer));
        ack(PeerRequests.fdb(RTM_NEWNEIGH, flags, index, peer), "add FDB entry " + describe(peer));
        ack(PeerRequests.route(RTM_NEWROUTE, flags, index, peer), "add route " + describe(peer));
    }

    @Override
    public void removePeer(String device, Peer peer) {
        Optional<Link> link = link(device);
        if (link.isEmpty()) {
            return;
        }
        int index = link.get().index();
        ignoreMissing(PeerRequests.route(RTM_DELROUTE, 0, index, peer), "remove route " + describe(peer));
        ignoreMissing(PeerRequests.neighbour(RTM_DELNEIGH, 0, index, peer), "remove neighbour " + describe(peer));
        ignoreMissing(PeerRequests.fdb(RTM_DELNEIGH, 0, index, peer), "remove FDB entry " + describe(peer));
    }

    @Override
    public void deleteVxlan(String device) {
        Optional<Link> link = link(device);
        if (link.isEmpty()) {
            return;
        }
        if (!"vxlan".equals(link.get().kind())) {
            throw new CniException(UNKNOWN, "refusing to delete " + device + ": not a VXLAN device");
        }
        ignoreMissing(new Request(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK).u8(AF_UNSPEC).pad(3)
                .u32(link.get().index()).u32(0).u32(0), "delete VXLAN device " + device);
    }

    @Override
    public List<Peer> peers(String device) {
        Optional<Link> link = link(device);
        return link.isEmpty() ? List.of() : PeerRequests.read(socket, link.get().index());
    }

    @Override
    public void close() {
        socket.close();
    }

    static CniException wrap(String message, Throwable cause) {
        return new CniException(UNKNOWN, message, null, cause);
    }

    private static String describe(Peer p) {
        return p.subnet() + " via " + p.vtepIp().getHostAddress() + " (" + p.vtepMac() + ", underlay "
                + p.underlay().getHostAddress() + ")";
    }

    private int index(String device) {
        return link(device).orElseThrow(() -> new CniException(UNKNOWN, "VXLAN device " + device + " does not exist"))
                .index();
    }

    private void ack(Request r, String what) {
        try {
            socket.ack(r, what);
        } catch (NetlinkException e) {
            throw wrap(e.getMessage(), e);
        }
    }

    private void ignoreMissing(Request r, String what) {
        try {
            socket.ack(r, what);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENOENT && e.errno() != Errno.ESRCH && e.errno() != Errno.ENODEV) {
                throw wrap(e.getMessage(), e);
            }
        }
    }

    private List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(new Request(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).pad(IFINFOMSG_LEN),
                "list links")) {
            out.add(parseLink(m));
        }
        return out;
    }

    private Optional<Link> link(String name) {
        return lookup(new Request(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK).pad(IFINFOMSG_LEN).string(IFLA_IFNAME, name),
                "look up link " + name);
    }

    private Optional<Link> link(int index) {
        return lookup(new Request(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK).u8(AF_UNSPEC).pad(3).u32(index).u32(0).u32(0),
                "look up link " + index);
    }

    private Optional<Link> lookup(Request r, String what) {
        try {
            // A get with NLM_F_ACK answers with the link message and an ACK; dump() collects it and stops at the ACK.
            List<ByteBuffer> got = socket.dump(r, what);
            return got.isEmpty() ? Optional.empty() : Optional.of(parseLink(got.get(0)));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw wrap(e.getMessage(), e);
        }
    }

    static Link parseLink(ByteBuffer m) {
        Attrs a = Attrs.parse(m, IFINFOMSG_LEN);
        Optional<Attrs> info = a.nested(IFLA_LINKINFO);
        String kind = info.flatMap(i -> i.string(IFLA_INFO_KIND)).orElse("");
        Attrs data = info.flatMap(i -> i.nested(IFLA_INFO_DATA)).orElse(Attrs.parse(ByteBuffer.allocate(0), 0));
        return new Link(m.getInt(4), a.string(IFLA_IFNAME).orElse(""), a.u32(IFLA_MTU).orElse(0),
                a.mac(IFLA_ADDRESS).orElse(""), kind, data.u32(IFLA_VXLAN_ID).orElse(0),
                data.u16Be(IFLA_VXLAN_PORT).orElse(0),
                data.address(IFLA_VXLAN_LOCAL).or(() -> data.address(IFLA_VXLAN_LOCAL6)),
                data.u32(IFLA_VXLAN_LINK).orElse(0));
    }
}
