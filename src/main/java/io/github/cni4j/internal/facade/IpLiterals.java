package io.github.cni4j.internal.facade;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks IP address and CIDR literals without ever resolving a host name ({@code InetAddress.getByName} would
 * query DNS for anything that is not a literal).
 */
public final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** True for a dotted-quad IPv4 literal such as {@code 10.0.0.1}. */
    public static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    /** True for an IPv6 literal such as {@code fd00::1} (no zone, no brackets). */
    public static boolean isIpv6(String s) {
        if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            // With only hex digits, colons and dots the JDK parses a literal and never does a lookup.
            return InetAddress.getByName(s).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True for an IPv4 or IPv6 literal. */
    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** True for {@code address/prefix} with a prefix length valid for the address family. */
    public static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0 || slash != s.lastIndexOf('/')) {
            return false;
        }
        String addr = s.substring(0, slash);
        String len = s.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int prefix = Integer.parseInt(len);
        return isIpv4(addr) ? prefix <= 32 : isIpv6(addr) && prefix <= 128;
    }

    /** True for an IP literal or a CIDR. */
    public static boolean isIpOrCidr(String s) {
        return isIp(s) || isCidr(s);
    }
}
