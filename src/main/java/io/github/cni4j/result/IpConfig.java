package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.internal.value.CniStyle;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One IP address a plugin assigned ({@code ips[]} of a result).
 *
 * <p>{@link #interfaceIndex()} points into {@link Result#interfaces()} (IPAM results leave it out).
 * {@link #version()} is the {@code "4"}/{@code "6"} label that only CNI 0.3.x/0.4.0 results carry (and, for
 * 0.1.0/0.2.0 results, whether the entry is {@code ip4} or {@code ip6}); it is empty in 1.x results.
 *
 * <pre>{@code
 * IpConfig ip = IpConfig.builder()
 *         .address("10.22.0.5/16")
 *         .gateway("10.22.0.1")
 *         .interfaceIndex(1)
 *         .build();
 * InetAddress addr = ip.address().address();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class IpConfig {

    IpConfig() {
    }

    /** {@return a new builder; the address is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder that starts from this entry's values} */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** {@return the address with its prefix length, host bits kept} */
    public abstract IpPrefix address();

    /** {@return the default gateway for this address, if any} */
    public abstract Optional<InetAddress> gateway();

    /** {@return the index into {@link Result#interfaces()} of the interface holding this address, if given} */
    public abstract Optional<Integer> interfaceIndex();

    /** {@return the 0.x IP version label ({@code "4"} or {@code "6"}), or empty in 1.x results} */
    @Value.Default
    public String version() {
        return "";
    }

    /** Keeps the gateway in Go's form (IPv4 as 4 bytes, no host name). */
    @Value.Check
    IpConfig normalize() {
        InetAddress g = gateway().orElse(null);
        return g == null || IpPrefix.goForm(g) == g ? this : builder().from(this).gateway(IpPrefix.goForm(g)).build();
    }

    @Override
    public String toString() {
        return "IpConfig{address=" + address() + gateway().map(g -> ", gateway=" + GoIp.format(g)).orElse("")
                + interfaceIndex().map(i -> ", interface=" + i).orElse("")
                + (version().isEmpty() ? "" : ", version=" + version()) + "}";
    }

    /**
     * Builds an {@link IpConfig}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * IpConfig v6 = IpConfig.builder().address("2001:db8::5/64").build();
     * }</pre>
     */
    public static final class Builder extends ImmutableIpConfig.Builder {

        Builder() {
        }

        /**
         * Sets the address from CIDR text with host bits (required).
         *
         * @param cidr e.g. {@code "10.0.0.2/24"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not a CIDR address
         */
        public Builder address(String cidr) {
            return address(IpPrefix.parse(cidr));
        }

        /**
         * Sets the gateway from its text (default none).
         *
         * @param gateway e.g. {@code "10.0.0.1"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not an IP address
         */
        public Builder gateway(String gateway) {
            return gateway(IpPrefix.ip(Objects.requireNonNull(gateway, "gateway")));
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws IllegalArgumentException if the address is missing
         */
        @Override
        public IpConfig build() {
            try {
                return super.build();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("address is required", e);
            }
        }
    }
}
