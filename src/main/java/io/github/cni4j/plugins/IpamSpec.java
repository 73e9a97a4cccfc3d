package io.github.cni4j.plugins;

/**
 * An IPAM plugin config ({@link HostLocal}, {@link StaticIpam}, {@link Dhcp}), nested as {@code ipam} in the
 * configs of interface plugins.
 *
 * <pre>{@code
 * IpamSpec ipam = HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/24")).build();
 * Bridge bridge = Bridge.builder().bridge("cni0").ipam(ipam).build();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface IpamSpec permits HostLocal, StaticIpam, Dhcp {

    /** {@return the IPAM plugin binary name, e.g. {@code "host-local"}} */
    String type();

    /** {@return the Go-canonical JSON of the IPAM object, a fresh copy of the UTF-8 bytes} */
    byte[] toBytes();
}
