package io.github.cni4j.overlay.internal;

import static io.github.cni4j.overlay.internal.netlink.Rtnl.*;

import io.github.cni4j.overlay.internal.DataPlane.Peer;
import io.github.cni4j.overlay.internal.netlink.Attrs;
import io.github.cni4j.overlay.internal.netlink.Request;
import io.github.cni4j.overlay.internal.netlink.RtnlSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three kernel entries of one peer (neighbour, FDB, route) as requests, and reading them back. */
final class PeerRequests {

    private PeerRequests() {
    }

    private static int family(InetAddress a) {
        return a instanceof Inet4Address ? AF_INET : AF_INET6;
    }

    /** The permanent neighbour entry VTEP IP to VTEP MAC on the VXLAN device. */
    static Request neighbour(int type, int flags, int index, Peer p) {
        return new Request(type, NLM_F_REQUEST | NLM_F_ACK | flags).u8(family(p.vtepIp())).pad(3).u32(index)
                .u16(NUD_PERMANENT).u8(0).u8(RTN_UNICAST).attr(NDA_DST, p.vtepIp().getAddress())
                .attr(NDA_LLADDR, parseMac(p.vtepMac()));
    }

    /** The permanent FDB entry VTEP MAC to the peer's underlay address, on the device itself (NTF_SELF). */
    static Request fdb(int type, int flags, int index, Peer p) {
        return new Request(type, NLM_F_REQUEST | NLM_F_ACK | flags).u8(AF_BRIDGE).pad(3).u32(index)
                .u16(NUD_PERMANENT).u8(NTF_SELF).u8(0).attr(NDA_LLADDR, parseMac(p.vtepMac()))
                .attr(NDA_DST, p.underlay().getAddress());
    }

    /** The route to the peer's subnet via its VTEP IP, onlink, on the device. */
    static Request route(int type, int flags, int index, Peer p) {
        InetAddress dst = Cidrs.network(p.subnet());
        return new Request(type, NLM_F_REQUEST | NLM_F_ACK | flags).u8(family(dst)).u8(Cidrs.prefix(p.subnet()))
                .u8(0).u8(0).u8(RT_TABLE_MAIN).u8(RTPROT_BOOT).u8(0).u8(RTN_UNICAST).u32(RTNH_F_ONLINK)
                .attr(RTA_DST, dst.getAddress()).attr(RTA_GATEWAY, p.vtepIp().getAddress())
                .attrU32(RTA_OIF, index).attrU32(RTA_TABLE, RT_TABLE_MAIN);
    }

    /** Peers rebuilt from the onlink routes via the device, its neighbour entries and its FDB entries. */
    static List<Peer> read(RtnlSocket socket, int index) {
        Map<InetAddress, String> macs = new HashMap<>();
        Map<String, InetAddress> underlays = new HashMap<>();
        for (int family : new int[] {AF_INET, AF_INET6, AF_BRIDGE}) {
            for (ByteBuffer m : socket.dump(new Request(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP).u8(family)
                    .pad(NDMSG_LEN - 1), "list neighbours")) {
                if (m.getInt(4) != index) {
                    continue;
                }
                Attrs a = Attrs.parse(m, NDMSG_LEN);
                Optional<String> mac = a.mac(NDA_LLADDR);
                Optional<InetAddress> dst = a.address(NDA_DST);
                if (mac.isPresent() && dst.isPresent()) {
                    if (family == AF_BRIDGE) {
                        underlays.put(mac.get(), dst.get());
                    } else {
                        macs.put(dst.get(), mac.get());
                    }
                }
            }
        }
        List<Peer> peers = new ArrayList<>();
        for (int family : new int[] {AF_INET, AF_INET6}) {
            for (ByteBuffer m : socket.dump(new Request(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP).u8(family)
                    .pad(RTMSG_LEN - 1), "list routes")) {
                Attrs a = Attrs.parse(m, RTMSG_LEN);
                Optional<InetAddress> dst = a.address(RTA_DST);
                Optional<InetAddress> via = a.address(RTA_GATEWAY);
                if ((m.getInt(8) & RTNH_F_ONLINK) == 0 || a.u32(RTA_OIF).orElse(0) != index || dst.isEmpty()
                        || via.isEmpty() || !macs.containsKey(via.get())) {
                    continue;
                }
                String mac = macs.get(via.get());
                InetAddress underlay = underlays.get(mac);
                if (underlay != null) {
                    peers.add(new Peer(dst.get().getHostAddress() + "/" + (m.get(1) & 0xff), via.get(), mac,
                            underlay));
                }
            }
        }
        return List.copyOf(peers);
    }
}
