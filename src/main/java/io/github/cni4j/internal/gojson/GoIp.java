package io.github.cni4j.internal.gojson;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses and prints IP addresses the way Go's {@code net} package does, so addresses in results round-trip
 * to the same text libcni writes. Never resolves host names.
 */
public final class GoIp {

    private GoIp() {
    }

    /**
     * Parses an address as Go's {@code net.ParseIP}: dotted IPv4 (no leading zeros) or IPv6 (optionally with a
     * trailing dotted IPv4 part), no zone.
     *
     * @param s the text
     * @return the address (an {@code Inet4Address} for IPv4 and IPv4-mapped IPv6, as Go's {@code To4}),
     *         or {@code null} when {@code s} is not an address
     */
    public static InetAddress parse(String s) {
        byte[] raw = s.indexOf(':') >= 0 ? parse6(s) : parse4(s, 0, s.length());
        return raw == null ? null : toInet(raw);
    }

    /**
     * Wraps raw address bytes without any lookup.
     *
     * @param raw 4 or 16 bytes
     * @return the address
     */
    public static InetAddress toInet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + raw.length, e);
        }
    }

    private static byte[] parse4(String s, int from, int to) {
        byte[] out = new byte[4];
        int pos = from;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                if (pos >= to || s.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            int start = pos;
            int v = 0;
            while (pos < to && pos - start < 4 && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                v = v * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            int len = pos - start;
            if (len == 0 || len > 3 || v > 255 || (len > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[i] = (byte) v;
        }
        return pos == to ? out : null;
    }

    private static byte[] parse6(String s) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        int n = s.length();
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            pos = 2;
            if (pos == n) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int start = pos;
            int v = 0;
            while (pos < n && pos - start < 5 && hex(s.charAt(pos)) >= 0) {
                v = v * 16 + hex(s.charAt(pos));
                pos++;
            }
            int len = pos - start;
            if (len == 0 || len > 4) {
                return null;
            }
            if (pos < n && s.charAt(pos) == '.') {
                if (ellipsis < 0 && i != 12 || i + 4 > 16) {
                    return null;
                }
                byte[] v4 = parse4(s, start, n);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, ip, i, 4);
                i += 4;
                pos = n;
                break;
            }
            ip[i] = (byte) (v >> 8);
            ip[i + 1] = (byte) v;
            i += 2;
            if (pos == n) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == n) {
                return null;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                pos++;
                if (pos == n) {
                    break;
                }
            }
        }
        if (pos != n) {
            return null;
        }
        return expand(ip, i, ellipsis);
    }

    private static byte[] expand(byte[] ip, int filled, int ellipsis) {
        if (filled < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int shift = 16 - filled;
            for (int j = filled - 1; j >= ellipsis; j--) {
                ip[j + shift] = ip[j];
            }
            for (int j = ellipsis + shift - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            // an ellipsis must stand for at least one group
            return null;
        }
        return ip;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Prints an address as Go's {@code net.IP.String}: dotted IPv4, or RFC 5952 IPv6 (lower case, the first
     * longest run of two or more zero groups shortened to {@code ::}).
     *
     * @param address the address
     * @return the text
     */
    public static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int g = 0; g < 8; g++) {
            int len = 0;
            while (g + len < 8 && b[2 * (g + len)] == 0 && b[2 * (g + len) + 1] == 0) {
                len++;
            }
            if (len > bestLen && len >= 2) {
                bestStart = g;
                bestLen = len;
            }
            g += len;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLen - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLen) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((b[2 * g] & 0xFF) << 8) | (b[2 * g + 1] & 0xFF)));
        }
        return sb.toString();
    }
}
