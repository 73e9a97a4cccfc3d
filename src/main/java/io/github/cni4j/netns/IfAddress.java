package io.github.cni4j.netns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IP address assigned to an interface, with its prefix length ({@code 10.250.0.1/30}).
 *
 * <pre>{@code
 * for (IfAddress a : ns.interfaces().get(0).addresses()) {
 *     System.out.println(a);                     // 127.0.0.1/8
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param address the address (an {@link Inet4Address} or {@link java.net.Inet6Address})
 * @param prefixLength the prefix length, 0 to 32 for IPv4 and 0 to 128 for IPv6
 */
public record IfAddress(InetAddress address, int prefixLength) {

    /**
     * Checks the components.
     *
     * @param address the address
     * @param prefixLength the prefix length
     * @throws NullPointerException if {@code address} is null
     * @throws IllegalArgumentException if the prefix length does not fit the address family
     */
    public IfAddress {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefixLength " + prefixLength + " is outside 0.." + max);
        }
    }

    /**
     * Returns the CIDR form, {@code <address>/<prefixLength>}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
