package io.github.cni4j.result;

import io.github.cni4j.internal.gojson.GoIp;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

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
public final class IpConfig {

    private final IpPrefix address;
    private final InetAddress gateway;
    private final Integer interfaceIndex;
    private final String version;

    private IpConfig(Builder b) {
        this.address = b.address;
        this.gateway = b.gateway;
        this.interfaceIndex = b.interfaceIndex;
        this.version = b.version;
    }

    /**
     * Returns a new builder; the address is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this entry's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().address(address).version(version);
        b.gateway = gateway;
        b.interfaceIndex = interfaceIndex;
        return b;
    }

    /**
     * Returns the address with its prefix length, host bits kept.
     *
     * @return the address
     */
    public IpPrefix address() {
        return address;
    }

    /**
     * Returns the default gateway for this address, if any.
     *
     * @return the gateway
     */
    public Optional<InetAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /**
     * Returns the index into {@link Result#interfaces()} of the interface holding this address, if given.
     *
     * @return the interface index
     */
    public Optional<Integer> interfaceIndex() {
        return Optional.ofNullable(interfaceIndex);
    }

    /**
     * Returns the 0.x IP version label ({@code "4"} or {@code "6"}), or empty in 1.x results.
     *
     * @return the version label
     */
    public String version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpConfig c && c.address.equals(address) && Objects.equals(c.gateway, gateway)
                && Objects.equals(c.interfaceIndex, interfaceIndex) && c.version.equals(version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, gateway, interfaceIndex, version);
    }

    @Override
    public String toString() {
        return "IpConfig{address=" + address + (gateway == null ? "" : ", gateway=" + GoIp.format(gateway))
                + (interfaceIndex == null ? "" : ", interface=" + interfaceIndex)
                + (version.isEmpty() ? "" : ", version=" + version) + "}";
    }

    /**
     * Builds an {@link IpConfig}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * IpConfig v6 = IpConfig.builder().address("2001:db8::5/64").build();
     * }</pre>
     */
    public static final class Builder {
        private IpPrefix address;
        private InetAddress gateway;
        private Integer interfaceIndex;
        private String version = "";

        private Builder() {
        }

        /**
         * Sets the address (required).
         *
         * @param address the address with prefix length
         * @return this builder
         */
        public Builder address(IpPrefix address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
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
         * Sets the gateway (default none).
         *
         * @param gateway the gateway
         * @return this builder
         */
        public Builder gateway(InetAddress gateway) {
            this.gateway = GoIp.toInet(Objects.requireNonNull(gateway, "gateway").getAddress());
            return this;
        }

        /**
         * Sets the gateway from its text (default none).
         *
         * @param gateway e.g. {@code "10.0.0.1"}
         * @return this builder
         * @throws IllegalArgumentException if the text is not an IP address
         */
        public Builder gateway(String gateway) {
            InetAddress ip = GoIp.parse(Objects.requireNonNull(gateway, "gateway"));
            if (ip == null) {
                throw new IllegalArgumentException("invalid IP address: " + gateway);
            }
            this.gateway = ip;
            return this;
        }

        /**
         * Sets the index into the result's interfaces (default none).
         *
         * @param index the index
         * @return this builder
         */
        public Builder interfaceIndex(int index) {
            this.interfaceIndex = index;
            return this;
        }

        /**
         * Sets the 0.x version label (default empty; results of 0.x versions fill it from the address family).
         *
         * @param version {@code "4"}, {@code "6"} or empty
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws IllegalArgumentException if the address is missing
         */
        public IpConfig build() {
            if (address == null) {
                throw new IllegalArgumentException("address is required");
            }
            return new IpConfig(this);
        }
    }
}
