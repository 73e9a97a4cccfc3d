package io.github.cni4j.result;

import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of a CNI ADD: interfaces, IP addresses, routes and DNS settings, in the spec version it was
 * produced in.
 *
 * <p>The model is the CNI 1.x one; results of older versions are held in it too and remember their
 * {@linkplain #cniVersion() version}, so {@link #toBytes()} writes each version's own JSON shape exactly as
 * libcni does, and {@link #convertTo(CniVersion)} follows libcni's conversion rules between versions.
 * A 0.1.0/0.2.0 result has no interfaces and at most one IPv4 ({@code ip4}) and one IPv6 ({@code ip6}) entry,
 * labelled by {@link IpConfig#version()}.
 *
 * <pre>{@code
 * Result result = Result.fromBytes(stdout, "1.0.0");
 * for (IpConfig ip : result.ips()) {
 *     System.out.println(ip.address() + " via " + ip.gateway().map(InetAddress::getHostAddress).orElse("-"));
 * }
 * byte[] old = result.convertTo(CniVersion.V0_4_0).toBytes();
 *
 * Result built = Result.builder()
 *         .cniVersion(CniVersion.V1_0_0)
 *         .addInterface(Result.Interface.builder().name("eth0").sandbox("/var/run/netns/c4j-x").build())
 *         .addIp(IpConfig.builder().address("10.0.0.2/24").gateway("10.0.0.1").interfaceIndex(0).build())
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class Result {

    Result() {
    }

    /**
     * Parses a result in whatever version its {@code cniVersion} names (missing or empty means 0.1.0), as
     * libcni's {@code create.CreateFromBytes} does.
     *
     * @param json the result JSON
     * @return the result
     * @throws io.github.cni4j.error.ConfigException (code 6) with libcni's message if the bytes are not a result of a
     *         supported version, e.g. {@code unsupported CNI result version "9.9.9"} or
     *         {@code invalid CIDR address: 10.0.0.1}
     */
    public static Result fromBytes(byte[] json) {
        return ResultCodec.parse(Objects.requireNonNull(json, "json"), null);
    }

    /**
     * Parses a plugin's ADD output as libcni does: a missing or empty {@code cniVersion} means the
     * configuration's version ({@code ""} meaning 0.1.0). The result is not converted to that version.
     *
     * @param json the plugin's stdout
     * @param fallbackVersion the network configuration's {@code cniVersion}
     * @return the result
     * @throws io.github.cni4j.error.ConfigException (code 6) with libcni's message if the output is not a result,
     *         e.g. {@code failed to unmarshal raw result: ...}
     */
    public static Result fromBytes(byte[] json, String fallbackVersion) {
        return ResultCodec.parse(Objects.requireNonNull(json, "json"),
                Objects.requireNonNull(fallbackVersion, "fallbackVersion"));
    }

    /** {@return a new builder (version 1.1.0, everything else empty)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder that starts from this result} */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** {@return the spec version this result is in} */
    @Value.Default
    public CniVersion cniVersion() {
        return CniVersion.V1_1_0;
    }

    /** {@return the interfaces (empty for IPAM results and 0.1.0/0.2.0 results)} */
    public abstract List<Interface> interfaces();

    /** {@return the IP addresses} */
    public abstract List<IpConfig> ips();

    /** {@return the routes} */
    public abstract List<Route> routes();

    /** {@return the DNS settings, or empty when nothing is set} */
    public abstract Optional<Dns> dns();

    /**
     * Converts this result to another spec version with libcni's rules: 0.3.x/0.4.0 to 0.1.0/0.2.0 keeps the
     * first IPv4 and the first IPv6 address and their routes and drops interfaces; 1.x to 0.x drops the 1.1.0
     * interface fields and labels IPs by family; the same version returns this result.
     *
     * @param target the version to convert to
     * @return the converted result
     * @throws io.github.cni4j.error.CniException (code 1) with libcni's message, e.g.
     *         {@code no converter for CNI result version 1.0.0 to 1.2.0} or
     *         {@code cannot convert: no valid IP addresses}
     */
    public Result convertTo(CniVersion target) {
        return ResultConverter.convert(this, Objects.requireNonNull(target, "target"));
    }

    /**
     * Encodes this result as the spec's JSON for its own version, byte for byte as libcni does: 1.x with
     * sorted keys and no empty {@code dns}; 0.3.x/0.4.0 in field order with {@code "dns":{}} always;
     * 0.1.0/0.2.0 with {@code ip4}/{@code ip6}. Compact, no trailing newline.
     *
     * @return the UTF-8 JSON
     */
    public byte[] toBytes() {
        return ResultCodec.encode(this);
    }

    @Value.Check
    Result normalize() {
        return ResultShape.apply(this);
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Builds a {@link Result}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Result ipam = Result.builder()
     *         .cniVersion(CniVersion.V0_4_0)
     *         .addIp(IpConfig.builder().address("10.1.0.7/16").gateway("10.1.0.1").build())
     *         .addRoute(Route.builder().dst("0.0.0.0/0").build())
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ImmutableResult.Builder {

        Builder() {
        }

        /**
         * Adds an interface.
         *
         * @param iface the interface
         * @return this builder
         */
        public Builder addInterface(Interface iface) {
            return addInterfaces(iface);
        }

        /**
         * Adds an IP address.
         *
         * @param ip the address
         * @return this builder
         */
        public Builder addIp(IpConfig ip) {
            return addIps(ip);
        }

        /**
         * Adds a route.
         *
         * @param route the route
         * @return this builder
         */
        public Builder addRoute(Route route) {
            return addRoutes(route);
        }
    }

    /**
     * One interface a plugin created or configured ({@code interfaces[]} of a result).
     *
     * <p>String fields are empty when absent, as in the spec's JSON where they are omitted when empty.
     * {@link #mtu()}, {@link #socketPath()} and {@link #pciId()} are new in CNI 1.1.0 and are dropped when a result
     * is converted to an older version.
     *
     * <pre>{@code
     * Result.Interface eth0 = Result.Interface.builder()
     *         .name("eth0")
     *         .mac("be:ef:00:00:00:02")
     *         .sandbox("/var/run/netns/c4j-test")
     *         .build();
     * boolean inContainer = !eth0.sandbox().isEmpty();
     * }</pre>
     *
     * <p>Instances are immutable and thread-safe.
     */
    @Value.Immutable
    @CniStyle
    public abstract static class Interface {

        Interface() {
        }

        /** {@return a new builder; every field starts empty (0 for the MTU)} */
        public static Builder builder() {
            return new Builder();
        }

        /** {@return a builder that starts from this interface's values} */
        public Builder toBuilder() {
            return builder().from(this);
        }

        /** {@return the interface name, e.g. {@code eth0} (always printed in JSON, even when empty)} */
        @Value.Default
        public String name() {
            return "";
        }

        /** {@return the hardware address, or empty} */
        @Value.Default
        public String mac() {
            return "";
        }

        /** {@return the MTU (CNI 1.1.0), or 0 when not reported} */
        @Value.Default
        public int mtu() {
            return 0;
        }

        /** {@return the network namespace path the interface lives in; empty for host interfaces} */
        @Value.Default
        public String sandbox() {
            return "";
        }

        /** {@return the socket path of a userspace interface (CNI 1.1.0), or empty} */
        @Value.Default
        public String socketPath() {
            return "";
        }

        /** {@return the PCI address of the device (CNI 1.1.0 {@code pciID}), or empty} */
        @Value.Default
        public String pciId() {
            return "";
        }

        @Override
        public String toString() {
            return "Interface{name=" + name() + ", mac=" + mac() + ", mtu=" + mtu() + ", sandbox=" + sandbox()
                    + ", socketPath=" + socketPath() + ", pciID=" + pciId() + "}";
        }

        /**
         * Builds an {@link Interface}. Not thread-safe; the built value is.
         *
         * <pre>{@code
         * Result.Interface tap = Result.Interface.builder().name("tap0").mtu(9000).build();
         * }</pre>
         */
        public static final class Builder extends ImmutableInterface.Builder {

            Builder() {
            }
        }
    }
}
