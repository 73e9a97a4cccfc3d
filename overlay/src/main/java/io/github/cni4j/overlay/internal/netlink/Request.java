package io.github.cni4j.overlay.internal.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds one netlink request: the 16-byte header, a fixed family header (ifinfomsg, ifaddrmsg, rtmsg, ndmsg) and
 * attributes, nested ones included. Lengths and the sequence number are filled in by {@link #bytes(int)}.
 *
 * <pre>{@code
 * Request r = new Request(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK).u8(Rtnl.AF_UNSPEC)
 *         .pad(15).string(Rtnl.IFLA_IFNAME, "eth0");
 * }</pre>
 */
public final class Request {

    private final int type;
    private final int flags;
    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> open = new ArrayDeque<>();

    /**
     * A request of a message type with the NLM_F_* flags.
     *
     * @param type the message type, e.g. {@code RTM_NEWLINK}
     * @param flags the NLM_F_* flags
     */
    public Request(int type, int flags) {
        this.type = type;
        this.flags = flags;
        buf.position(16);
    }

    /** The message type. */
    public int type() {
        return type;
    }

    private void room(int n) {
        if (buf.remaining() < n + 8) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n + 64))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buf.array(), 0, buf.position());
            buf = bigger;
        }
    }

    /** Appends one byte of the family header. */
    public Request u8(int v) {
        room(1);
        buf.put((byte) v);
        return this;
    }

    /** Appends a 16-bit host-order field of the family header. */
    public Request u16(int v) {
        room(2);
        buf.putShort((short) v);
        return this;
    }

    /** Appends a 32-bit host-order field of the family header. */
    public Request u32(int v) {
        room(4);
        buf.putInt(v);
        return this;
    }

    /** Appends {@code n} zero bytes. */
    public Request pad(int n) {
        room(n);
        buf.position(buf.position() + n);
        return this;
    }

    /** Appends an attribute with raw bytes as its value. */
    public Request attr(int attrType, byte[] value) {
        room(4 + value.length + 3);
        buf.putShort((short) (4 + value.length)).putShort((short) attrType).put(value);
        align();
        return this;
    }

    /** Appends a u8 attribute. */
    public Request attrU8(int attrType, int v) {
        return attr(attrType, new byte[] {(byte) v});
    }

    /** Appends a u16 attribute in network byte order (ports). */
    public Request attrU16Be(int attrType, int v) {
        return attr(attrType, new byte[] {(byte) (v >> 8), (byte) v});
    }

    /** Appends a u32 attribute in host byte order. */
    public Request attrU32(int attrType, int v) {
        return attr(attrType, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
    }

    /** Appends a NUL-terminated string attribute. */
    public Request string(int attrType, String v) {
        byte[] s = v.getBytes(StandardCharsets.UTF_8);
        return attr(attrType, Arrays.copyOf(s, s.length + 1));
    }

    /** Opens a nested attribute; close it with {@link #end()}. */
    public Request nest(int attrType) {
        room(4);
        open.push(buf.position());
        buf.putShort((short) 0).putShort((short) attrType);
        return this;
    }

    /** Closes the innermost nested attribute. */
    public Request end() {
        int start = open.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    private void align() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    /** The message bytes with the given sequence number. */
    public byte[] bytes(int seq) {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        align();
        int len = buf.position();
        buf.putInt(0, len).putShort(4, (short) type).putShort(6, (short) flags).putInt(8, seq).putInt(12, 0);
        return Arrays.copyOf(buf.array(), len);
    }
}
