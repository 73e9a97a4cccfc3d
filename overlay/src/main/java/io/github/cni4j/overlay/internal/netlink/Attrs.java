package io.github.cni4j.overlay.internal.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of one netlink message (or of one nested attribute), by type; the last one of a type wins.
 *
 * <pre>{@code
 * Attrs a = Attrs.parse(payload, 16); // after an ifinfomsg
 * Optional<String> name = a.string(Rtnl.IFLA_IFNAME);
 * }</pre>
 */
public final class Attrs {

    private final Map<Integer, ByteBuffer> values;

    private Attrs(Map<Integer, ByteBuffer> values) {
        this.values = values;
    }

    /** Parses the attributes that follow a fixed header of {@code offset} bytes; a truncated tail is dropped. */
    public static Attrs parse(ByteBuffer m, int offset) {
        Map<Integer, ByteBuffer> values = new HashMap<>();
        int pos = offset;
        while (pos + 4 <= m.limit()) {
            int len = m.getShort(pos) & 0xffff;
            int type = m.getShort(pos + 2) & 0x3fff; // without NLA_F_NESTED and NLA_F_NET_BYTEORDER
            if (len < 4 || pos + len > m.limit()) {
                break;
            }
            values.put(type, m.slice(pos + 4, len - 4).order(ByteOrder.nativeOrder()));
            pos += (len + 3) & ~3;
        }
        return new Attrs(values);
    }

    /** The raw value. */
    public Optional<ByteBuffer> raw(int type) {
        return Optional.ofNullable(values.get(type));
    }

    /** The bytes of a value. */
    public Optional<byte[]> bytes(int type) {
        return raw(type).map(v -> {
            byte[] b = new byte[v.limit()];
            v.get(0, b);
            return b;
        });
    }

    /** A nested attribute's attributes. */
    public Optional<Attrs> nested(int type) {
        return raw(type).map(v -> parse(v, 0));
    }

    /** A host-order u32 value. */
    public Optional<Integer> u32(int type) {
        return raw(type).filter(v -> v.limit() >= 4).map(v -> v.getInt(0));
    }

    /** A u8 value. */
    public Optional<Integer> u8(int type) {
        return raw(type).filter(v -> v.limit() >= 1).map(v -> v.get(0) & 0xff);
    }

    /** A network-order u16 value. */
    public Optional<Integer> u16Be(int type) {
        return raw(type).filter(v -> v.limit() >= 2).map(v -> ((v.get(0) & 0xff) << 8) | (v.get(1) & 0xff));
    }

    /** A NUL-terminated string value. */
    public Optional<String> string(int type) {
        return raw(type).map(v -> {
            int end = 0;
            while (end < v.limit() && v.get(end) != 0) {
                end++;
            }
            byte[] b = new byte[end];
            v.get(0, b);
            return new String(b, StandardCharsets.UTF_8);
        });
    }

    /** An IPv4 or IPv6 address value. */
    public Optional<InetAddress> address(int type) {
        return bytes(type).filter(b -> b.length == 4 || b.length == 16).map(b -> {
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A hardware address value as {@code aa:bb:cc:dd:ee:ff}. */
    public Optional<String> mac(int type) {
        return bytes(type).filter(b -> b.length > 0).map(Rtnl::formatMac);
    }
}
