package io.github.cni4j.overlay.internal.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RequestAttrsTest {

    private static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    @Test
    void headerLengthsSequenceAndAlignment() {
        byte[] msg = new Request(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK).u8(0).pad(15)
                .string(Rtnl.IFLA_IFNAME, "c4jv-a").bytes(7);
        ByteBuffer m = wrap(msg);
        assertThat(m.getInt(0)).isEqualTo(msg.length).isEqualTo(16 + 16 + 12); // "c4jv-a\0" = 7 -> 4+7 -> 12
        assertThat(m.getShort(4)).isEqualTo((short) Rtnl.RTM_NEWLINK);
        assertThat(m.getShort(6)).isEqualTo((short) 5);
        assertThat(m.getInt(8)).isEqualTo(7);
        assertThat(m.getShort(32)).isEqualTo((short) 11);
        assertThat(Attrs.parse(m.slice(16, msg.length - 16).order(ByteOrder.nativeOrder()), 16)
                .string(Rtnl.IFLA_IFNAME)).contains("c4jv-a");
    }

    @Test
    void nestedAttributesRoundTrip() throws Exception {
        byte[] msg = new Request(Rtnl.RTM_NEWLINK, 1).pad(16).nest(Rtnl.IFLA_LINKINFO)
                .string(Rtnl.IFLA_INFO_KIND, "vxlan").nest(Rtnl.IFLA_INFO_DATA).attrU32(Rtnl.IFLA_VXLAN_ID, 4242)
                .attrU16Be(Rtnl.IFLA_VXLAN_PORT, 4789).attrU8(Rtnl.IFLA_VXLAN_LEARNING, 0)
                .attr(Rtnl.IFLA_VXLAN_LOCAL, InetAddress.getByName("10.250.0.1").getAddress()).end().end()
                .bytes(1);
        ByteBuffer m = wrap(msg).slice(16, msg.length - 16).order(ByteOrder.nativeOrder());
        Attrs info = Attrs.parse(m, 16).nested(Rtnl.IFLA_LINKINFO).orElseThrow();
        assertThat(info.string(Rtnl.IFLA_INFO_KIND)).contains("vxlan");
        Attrs data = info.nested(Rtnl.IFLA_INFO_DATA).orElseThrow();
        assertThat(data.u32(Rtnl.IFLA_VXLAN_ID)).contains(4242);
        assertThat(data.u16Be(Rtnl.IFLA_VXLAN_PORT)).contains(4789);
        assertThat(data.raw(Rtnl.IFLA_VXLAN_PORT).orElseThrow().get(0)).isEqualTo((byte) 0x12); // 4789 = 0x12b5
        assertThat(data.u8(Rtnl.IFLA_VXLAN_LEARNING)).contains(0);
        assertThat(data.address(Rtnl.IFLA_VXLAN_LOCAL)).contains(InetAddress.getByName("10.250.0.1"));
        assertThat(data.u32(99)).isEmpty();
    }

    @Test
    void unclosedNestIsRefused() {
        assertThatThrownBy(() -> new Request(16, 1).nest(18).bytes(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void truncatedAttributeIsDropped() {
        ByteBuffer m = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putShort((short) 40).putShort((short) 3);
        assertThat(Attrs.parse(m.clear(), 0).raw(3)).isEmpty();
    }

    @Test
    void extendedAckMessageIsReadFromCappedAndFullErrors() {
        byte[] text = "A VXLAN device with the specified VNI already exists".getBytes();
        for (boolean capped : new boolean[] {true, false}) {
            int echoed = capped ? 16 : 40;
            ByteBuffer err = ByteBuffer.allocate(4 + echoed + 4 + text.length + 1 + 3).order(ByteOrder.nativeOrder());
            err.putInt(-Errno.EEXIST).putInt(echoed).position(4 + echoed);
            err.putShort((short) (4 + text.length + 1)).putShort((short) 1).put(text);
            int flags = 0x200 | (capped ? 0x100 : 0);
            assertThat(RtnlSocket.extAckMessage(err.clear(), flags)).isEqualTo(new String(text));
            assertThat(RtnlSocket.extAckMessage(err.clear(), 0)).isEmpty();
        }
    }

    @Test
    void errnoNamesAndExceptionText() {
        assertThat(Errno.name(Errno.EEXIST)).isEqualTo("EEXIST");
        assertThat(Errno.name(Errno.EADDRINUSE)).isEqualTo("EADDRINUSE");
        assertThat(Errno.name(4000)).isEqualTo("errno 4000");
        NetlinkException e = new NetlinkException("create VXLAN device c4jv-a", Errno.EEXIST, "VNI in use");
        assertThat(e.getMessage()).isEqualTo("create VXLAN device c4jv-a: File exists (EEXIST): VNI in use");
        assertThat(e.errno()).isEqualTo(17);
        assertThat(new NetlinkException("x", Errno.ENODEV, "").getMessage()).isEqualTo("x: No such device (ENODEV)");
    }

    @Test
    void macsFormatAndParse() {
        byte[] b = Rtnl.parseMac("0a:1B:cc:dd:ee:ff");
        assertThat(Rtnl.formatMac(b)).isEqualTo("0a:1b:cc:dd:ee:ff");
        assertThatThrownBy(() -> Rtnl.parseMac("0a:1b:cc:dd:ee")).hasMessageContaining("not a MAC");
        assertThatThrownBy(() -> Rtnl.parseMac("0a:1b:cc:dd:ee:zz")).hasMessageContaining("not a MAC");
    }
}
