package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Sys;
import io.github.cni4j.result.IpPrefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the links and addresses of the calling thread's network namespace with rtnetlink dumps
 * ({@code RTM_GETLINK}, {@code RTM_GETADDR}). The socket is opened while inside the namespace, and a netlink socket
 * answers for the namespace it was created in. {@code /sys/class/net} would show the namespace of whoever mounted
 * sysfs, and {@code /proc/net} files lack IPv4 addresses, so neither is used.
 */
final class LinkDump {

    private static final int MAX_ATTEMPTS = 5;

    private LinkDump() {
    }

    static List<NetNs.Interface> dump() {
        int fd = Sys.netlinkRouteSocket();
        try {
            Map<Integer, ImmutableInterface.Builder> links = new TreeMap<>();
            Map<Integer, List<IpPrefix>> addresses = new TreeMap<>();
            // A dump that raced with a change is flagged NLM_F_DUMP_INTR; it is repeated for a consistent view.
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                links.clear();
                addresses.clear();
                boolean consistent =
                        request(fd, Linux.RTM_GETLINK, 2 * attempt, Linux.IFINFOMSG_LEN, m -> parseLink(m, links))
                        & request(fd, Linux.RTM_GETADDR, 2 * attempt + 1, Linux.IFADDRMSG_LEN,
                                m -> parseAddress(m, addresses));
                if (consistent) {
                    break;
                }
            }
            List<NetNs.Interface> result = new ArrayList<>(links.size());
            links.forEach((index, b) -> result.add(b.addresses(addresses.getOrDefault(index, List.of())).build()));
            return List.copyOf(result);
        } finally {
            Sys.close(fd);
        }
    }

    /**
     * Sends one dump request with a zeroed family header and hands each answer's payload to {@code handler}; returns
     * false when the kernel flagged the dump as interrupted by a concurrent change.
     */
    private static boolean request(int fd, int type, int seq, int bodyLen, Consumer<ByteBuffer> handler) {
        ByteBuffer req = ByteBuffer.allocate(Linux.NLMSG_HDRLEN + bodyLen).order(ByteOrder.nativeOrder());
        req.putInt(Linux.NLMSG_HDRLEN + bodyLen).putShort((short) type).putShort(Linux.NLM_F_REQUEST_DUMP).putInt(seq)
                .putInt(0);
        Sys.send(fd, req.array());
        byte[] buf = new byte[64 * 1024];
        boolean consistent = true;
        while (true) {
            ByteBuffer in = ByteBuffer.wrap(buf, 0, Sys.recv(fd, buf)).order(ByteOrder.nativeOrder());
            while (in.remaining() >= Linux.NLMSG_HDRLEN) {
                int start = in.position();
                int len = in.getInt(start);
                int msgType = in.getShort(start + 4) & 0xffff;
                if (len < Linux.NLMSG_HDRLEN || len > in.limit() - start) {
                    throw new NetNsException("malformed netlink message (length " + len + ")", "recv", 0, "", null,
                            null);
                }
                consistent &= (in.getShort(start + 6) & Linux.NLM_F_DUMP_INTR) == 0;
                if (msgType == Linux.NLMSG_DONE) {
                    return consistent;
                } else if (msgType == Linux.NLMSG_ERROR) {
                    int errno = -in.getInt(start + Linux.NLMSG_HDRLEN);
                    if (errno != 0) {
                        throw Sys.failure("netlink dump " + type + " failed", "recv", errno, null);
                    }
                } else if (in.getInt(start + 8) == seq) {
                    handler.accept(in.slice(start + Linux.NLMSG_HDRLEN, len - Linux.NLMSG_HDRLEN)
                            .order(ByteOrder.nativeOrder()));
                }
                in.position(Math.min(in.limit(), start + align(len)));
            }
        }
    }

    private static void parseLink(ByteBuffer m, Map<Integer, ImmutableInterface.Builder> links) {
        if (m.getShort(0) == 0 && m.limit() < Linux.IFINFOMSG_LEN) {
            return;
        }
        int index = m.getInt(4);
        int flags = m.getInt(8);
        ImmutableInterface.Builder b = NetNs.Interface.builder().index(index)
                .up((flags & Linux.IFF_UP) != 0).loopback((flags & Linux.IFF_LOOPBACK) != 0).mtu(0).name("");
        forEachAttribute(m, Linux.IFINFOMSG_LEN, (attr, value) -> {
            if (attr == Linux.IFLA_IFNAME) {
                b.name(cString(value));
            } else if (attr == Linux.IFLA_MTU && value.remaining() >= 4) {
                b.mtu(value.getInt(0));
            } else if (attr == Linux.IFLA_ADDRESS && value.remaining() > 0) {
                b.mac(hex(value));
            }
        });
        links.put(index, b);
    }

    private static void parseAddress(ByteBuffer m, Map<Integer, List<IpPrefix>> addresses) {
        if (m.limit() < Linux.IFADDRMSG_LEN) {
            return;
        }
        int family = m.get(0) & 0xff;
        int prefix = m.get(1) & 0xff;
        int index = m.getInt(4);
        if (family != Linux.AF_INET && family != Linux.AF_INET6) {
            return;
        }
        byte[][] found = new byte[3][];
        forEachAttribute(m, Linux.IFADDRMSG_LEN, (attr, value) -> {
            if (attr == Linux.IFA_ADDRESS || attr == Linux.IFA_LOCAL) {
                found[attr] = new byte[value.remaining()];
                value.get(found[attr]);
            }
        });
        // With a point-to-point peer IFA_ADDRESS is the peer's; IFA_LOCAL is then the interface's own address.
        byte[] raw = found[Linux.IFA_LOCAL] != null ? found[Linux.IFA_LOCAL] : found[Linux.IFA_ADDRESS];
        if (raw == null) {
            return;
        }
        try {
            InetAddress ip = InetAddress.getByAddress(raw);
            // An IPv4-mapped IPv6 address becomes IPv4, its prefix counted over the IPv4 bits (as Go prints it).
            int bits = raw.length == 16 && ip instanceof Inet4Address ? Math.max(0, prefix - 96) : prefix;
            addresses.computeIfAbsent(index, k -> new ArrayList<>()).add(IpPrefix.of(ip, bits));
        } catch (UnknownHostException e) {
            throw new NetNsException("netlink reported an address of " + raw.length + " bytes", "recv", 0, "", null,
                    e);
        }
    }

    private interface AttributeHandler {
        void accept(int type, ByteBuffer value);
    }

    /** Walks the rtattr list that follows a fixed header of {@code offset} bytes. */
    private static void forEachAttribute(ByteBuffer m, int offset, AttributeHandler handler) {
        int pos = offset;
        while (pos + 4 <= m.limit()) {
            int len = m.getShort(pos) & 0xffff;
            int type = m.getShort(pos + 2) & 0x3fff; // drop the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits
            if (len < 4 || pos + len > m.limit()) {
                return;
            }
            handler.accept(type, m.slice(pos + 4, len - 4).order(ByteOrder.nativeOrder()));
            pos += align(len);
        }
    }

    private static String cString(ByteBuffer value) {
        int end = 0;
        while (end < value.limit() && value.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        value.get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(ByteBuffer value) {
        StringBuilder sb = new StringBuilder(value.limit() * 3);
        for (int i = 0; i < value.limit(); i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((value.get(i) >> 4) & 0xf, 16)).append(Character.forDigit(value.get(i) & 0xf,
                    16));
        }
        return sb.toString();
    }

    private static int align(int len) {
        return (len + 3) & ~3;
    }
}
