package io.github.cni4j.netns;

import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.result.IpPrefix;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A network interface as seen inside one network namespace, from {@link NetNs#interfaces()}.
 *
 * <pre>{@code
 * for (NetInterface i : ns.interfaces()) {
 *     System.out.println(i.index() + ": " + i.name() + " " + i.mac().orElse("-") + " " + i.addresses());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class NetInterface {

    NetInterface() {
    }

    /** {@return the interface name, e.g. {@code eth0}} */
    public abstract String name();

    /** {@return the interface index, unique inside its namespace} */
    public abstract int index();

    /** {@return the link-layer address in lower-case colon form ({@code 0a:58:0a:f4:00:02}), or empty} */
    public abstract Optional<String> mac();

    /** {@return the MTU, or 0 when the kernel did not report one} */
    public abstract int mtu();

    /** {@return whether the interface is administratively up ({@code IFF_UP})} */
    public abstract boolean isUp();

    /** {@return whether this is a loopback interface ({@code IFF_LOOPBACK})} */
    public abstract boolean isLoopback();

    /** {@return the IPv4 and IPv6 addresses with their prefix lengths, in the kernel's order; possibly empty} */
    public abstract List<IpPrefix> addresses();

    static ImmutableNetInterface.Builder builder() {
        return ImmutableNetInterface.builder();
    }
}
