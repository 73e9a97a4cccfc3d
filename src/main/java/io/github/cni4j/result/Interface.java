package io.github.cni4j.result;

import java.util.Objects;

/**
 * One interface a plugin created or configured ({@code interfaces[]} of a result).
 *
 * <p>String fields are empty when absent, as in the spec's JSON where they are omitted when empty.
 * {@link #mtu()}, {@link #socketPath()} and {@link #pciId()} are new in CNI 1.1.0 and are dropped when a result
 * is converted to an older version.
 *
 * <pre>{@code
 * Interface eth0 = Interface.builder()
 *         .name("eth0")
 *         .mac("be:ef:00:00:00:02")
 *         .sandbox("/var/run/netns/c4j-test")
 *         .build();
 * boolean inContainer = !eth0.sandbox().isEmpty();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Interface {

    private final String name;
    private final String mac;
    private final int mtu;
    private final String sandbox;
    private final String socketPath;
    private final String pciId;

    private Interface(Builder b) {
        this.name = b.name;
        this.mac = b.mac;
        this.mtu = b.mtu;
        this.sandbox = b.sandbox;
        this.socketPath = b.socketPath;
        this.pciId = b.pciId;
    }

    /**
     * Returns a new builder; every field starts empty (0 for the MTU).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this interface's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().name(name).mac(mac).mtu(mtu).sandbox(sandbox).socketPath(socketPath).pciId(pciId);
    }

    /**
     * Returns the interface name, e.g. {@code eth0} (always printed in JSON, even when empty).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the hardware address, or empty.
     *
     * @return the MAC address text
     */
    public String mac() {
        return mac;
    }

    /**
     * Returns the MTU (CNI 1.1.0), or 0 when not reported.
     *
     * @return the MTU
     */
    public int mtu() {
        return mtu;
    }

    /**
     * Returns the network namespace path the interface lives in; empty for host interfaces.
     *
     * @return the sandbox path
     */
    public String sandbox() {
        return sandbox;
    }

    /**
     * Returns the socket path of a userspace interface (CNI 1.1.0), or empty.
     *
     * @return the socket path
     */
    public String socketPath() {
        return socketPath;
    }

    /**
     * Returns the PCI address of the device (CNI 1.1.0 {@code pciID}), or empty.
     *
     * @return the PCI ID
     */
    public String pciId() {
        return pciId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interface i && i.name.equals(name) && i.mac.equals(mac) && i.mtu == mtu
                && i.sandbox.equals(sandbox) && i.socketPath.equals(socketPath) && i.pciId.equals(pciId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mac, mtu, sandbox, socketPath, pciId);
    }

    @Override
    public String toString() {
        return "Interface{name=" + name + ", mac=" + mac + ", mtu=" + mtu + ", sandbox=" + sandbox
                + ", socketPath=" + socketPath + ", pciID=" + pciId + "}";
    }

    /**
     * Builds an {@link Interface}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Interface tap = Interface.builder().name("tap0").mtu(9000).build();
     * }</pre>
     */
    public static final class Builder {
        private String name = "";
        private String mac = "";
        private int mtu;
        private String sandbox = "";
        private String socketPath = "";
        private String pciId = "";

        private Builder() {
        }

        /**
         * Sets the interface name (default empty).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the hardware address (default empty).
         *
         * @param mac the MAC address text
         * @return this builder
         */
        public Builder mac(String mac) {
            this.mac = Objects.requireNonNull(mac, "mac");
            return this;
        }

        /**
         * Sets the MTU (default 0, not reported).
         *
         * @param mtu the MTU
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets the network namespace path (default empty: a host interface).
         *
         * @param sandbox the netns path
         * @return this builder
         */
        public Builder sandbox(String sandbox) {
            this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
            return this;
        }

        /**
         * Sets the socket path (default empty).
         *
         * @param socketPath the socket path
         * @return this builder
         */
        public Builder socketPath(String socketPath) {
            this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
            return this;
        }

        /**
         * Sets the PCI address (default empty).
         *
         * @param pciId the PCI ID
         * @return this builder
         */
        public Builder pciId(String pciId) {
            this.pciId = Objects.requireNonNull(pciId, "pciId");
            return this;
        }

        /**
         * Builds the interface.
         *
         * @return the interface
         */
        public Interface build() {
            return new Interface(this);
        }
    }
}
