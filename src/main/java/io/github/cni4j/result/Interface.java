package io.github.cni4j.result;

import io.github.cni4j.internal.value.CniStyle;
import org.immutables.value.Value;

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
@Value.Immutable
@CniStyle
public abstract class Interface {

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
     * Interface tap = Interface.builder().name("tap0").mtu(9000).build();
     * }</pre>
     */
    public static final class Builder extends ImmutableInterface.Builder {

        Builder() {
        }
    }
}
