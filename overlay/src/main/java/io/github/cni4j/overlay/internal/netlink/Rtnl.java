package io.github.cni4j.overlay.internal.netlink;

import java.util.Locale;

/** rtnetlink constants (linux/netlink.h, rtnetlink.h, if_link.h, neighbour.h) and MAC helpers. */
public final class Rtnl {

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWNEIGH = 28;
    public static final int RTM_DELNEIGH = 29;
    public static final int RTM_GETNEIGH = 30;
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_BRIDGE = 7;
    public static final int AF_INET6 = 10;
    public static final int IFF_UP = 0x1;
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_VXLAN_ID = 1;
    public static final int IFLA_VXLAN_LINK = 3;
    public static final int IFLA_VXLAN_LOCAL = 4;
    public static final int IFLA_VXLAN_LEARNING = 7;
    public static final int IFLA_VXLAN_PORT = 15;
    public static final int IFLA_VXLAN_LOCAL6 = 17;
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int RTA_DST = 1;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_TABLE = 15;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RTPROT_BOOT = 3;
    public static final int RTN_UNICAST = 1;
    public static final int RTNH_F_ONLINK = 4;
    public static final int NDA_DST = 1;
    public static final int NDA_LLADDR = 2;
    public static final int NUD_PERMANENT = 0x80;
    public static final int NTF_SELF = 0x2;
    public static final int IFINFOMSG_LEN = 16;
    public static final int IFADDRMSG_LEN = 8;
    public static final int RTMSG_LEN = 12;
    public static final int NDMSG_LEN = 12;

    private Rtnl() {
    }

    /** Formats hardware-address bytes as {@code aa:bb:cc:dd:ee:ff}. */
    public static String formatMac(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            sb.append(i > 0 ? ":" : "").append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (6 hex pairs). */
    public static byte[] parseMac(String mac) {
        String[] parts = mac.split(":", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException("not a MAC address: " + mac);
            }
            try {
                b[i] = (byte) Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MAC address: " + mac, e);
            }
        }
        return b;
    }
}
