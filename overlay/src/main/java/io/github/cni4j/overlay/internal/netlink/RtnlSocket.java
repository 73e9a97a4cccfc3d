package io.github.cni4j.overlay.internal.netlink;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A route netlink socket. It answers for the network namespace of the thread that opened it, whichever thread uses
 * it later. Requests are serialised: the methods are synchronized.
 *
 * <pre>{@code
 * try (RtnlSocket s = RtnlSocket.open()) {
 *     List<ByteBuffer> links = s.dump(new Request(Rtnl.RTM_GETLINK, Rtnl.NLM_F_DUMP).pad(16), "list links");
 * }
 * }</pre>
 */
public final class RtnlSocket implements AutoCloseable {

    private static final int NLMSG_HDRLEN = 16;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_CAPPED = 0x100;
    private static final int NLM_F_ACK_TLVS = 0x200;
    private static final int NLMSGERR_ATTR_MSG = 1;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final byte[] KERNEL = sockaddr();

    private int fd;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private final byte[] buf = new byte[256 * 1024];

    private RtnlSocket(int fd) {
        this.fd = fd;
    }

    /** Opens a socket in the calling thread's network namespace. */
    public static RtnlSocket open() {
        int fd = LibC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new NetlinkException("cannot open a route netlink socket", Native.getLastError(), "");
        }
        if (LibC.bind(fd, KERNEL, KERNEL.length) != 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw new NetlinkException("cannot bind a route netlink socket", errno, "");
        }
        // Best effort: the kernel's error text (extended ACK) without the echoed request.
        LibC.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, new int[] {1}, 4);
        LibC.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, new int[] {1}, 4);
        return new RtnlSocket(fd);
    }

    private static byte[] sockaddr() {
        // struct sockaddr_nl: family, pad, pid 0 (the kernel, or "assign one" on bind), groups 0
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK).array();
    }

    /** Sends a request with NLM_F_ACK and waits for its ACK; throws {@link NetlinkException} on an error answer. */
    public synchronized void ack(Request request, String what) {
        exchange(request, what, null);
    }

    /** Sends a dump request and returns each answer's payload (family header and attributes). */
    public synchronized List<ByteBuffer> dump(Request request, String what) {
        List<ByteBuffer> out = new ArrayList<>();
        exchange(request, what, out);
        return out;
    }

    private void exchange(Request request, String what, List<ByteBuffer> out) {
        if (fd < 0) {
            throw new IllegalStateException("netlink socket closed");
        }
        int mySeq = ++seq;
        byte[] msg = request.bytes(mySeq);
        long n = LibC.sendto(fd, msg, msg.length, 0, KERNEL, KERNEL.length);
        if (n != msg.length) {
            throw new NetlinkException("cannot send netlink request (" + what + ")",
                    n < 0 ? Native.getLastError() : Errno.EINTR, "");
        }
        while (true) {
            long got = LibC.recv(fd, buf, buf.length, 0);
            if (got < 0) {
                int errno = Native.getLastError();
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw new NetlinkException("cannot receive netlink answer (" + what + ")", errno, "");
            }
            ByteBuffer in = ByteBuffer.wrap(buf, 0, (int) got).order(ByteOrder.nativeOrder());
            int pos = 0;
            while (pos + NLMSG_HDRLEN <= in.limit()) {
                int len = in.getInt(pos);
                int type = in.getShort(pos + 4) & 0xffff;
                int flags = in.getShort(pos + 6) & 0xffff;
                if (len < NLMSG_HDRLEN || pos + len > in.limit()) {
                    throw new NetlinkException("malformed netlink answer (" + what + ", length " + len + ")",
                            Errno.EINVAL, "");
                }
                if (in.getInt(pos + 8) == mySeq) {
                    ByteBuffer payload = in.slice(pos + NLMSG_HDRLEN, len - NLMSG_HDRLEN)
                            .order(ByteOrder.nativeOrder());
                    if (type == NLMSG_DONE) {
                        return;
                    } else if (type == NLMSG_ERROR) {
                        int errno = -payload.getInt(0);
                        if (errno != 0) {
                            throw new NetlinkException(what, errno, extAckMessage(payload, flags));
                        }
                        return; // the ACK of the request (with NLM_F_ACK, after any answer message)
                    } else if (out != null) {
                        out.add(copy(payload));
                    }
                }
                pos += (len + 3) & ~3;
            }
        }
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        ByteBuffer c = ByteBuffer.allocate(payload.limit()).order(ByteOrder.nativeOrder());
        c.put(payload.duplicate());
        return c.clear();
    }

    /** The NLMSGERR_ATTR_MSG text of an error answer, or empty. */
    static String extAckMessage(ByteBuffer err, int flags) {
        if ((flags & NLM_F_ACK_TLVS) == 0 || err.limit() < 4 + NLMSG_HDRLEN) {
            return "";
        }
        int echoed = (flags & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN : err.getInt(4);
        int offset = 4 + ((echoed + 3) & ~3);
        if (offset > err.limit()) {
            return "";
        }
        return Attrs.parse(err, offset).string(NLMSGERR_ATTR_MSG).orElse("");
    }

    /** Closes the socket; later calls fail. */
    @Override
    public synchronized void close() {
        if (fd >= 0) {
            LibC.close(fd);
            fd = -1;
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
