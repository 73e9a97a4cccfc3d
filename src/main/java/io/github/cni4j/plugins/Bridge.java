package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import io.github.cni4j.plugins.CommonKeys.Masq;
import io.github.cni4j.plugins.CommonKeys.Mtu;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code bridge} plugin: a Linux bridge on the host and a veth pair into the container.
 *
 * <pre>{@code
 * Bridge b = Bridge.builder()
 *         .bridge("cni0").isGateway(true).ipMasq(true).mtu(1450)
 *         .ipam(HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/16")).build())
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "bridge", capabilities = {"mac", "ips", "ipRanges"})
public abstract class Bridge extends DeclaredSpec<Bridge.Builder> implements Masq, Mtu, Ipam {

    /** {@return a new builder with {@code "type":"bridge"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the bridge device name (plugin default {@code cni0}), or empty when not set} */
    @Key(ifName = true)
    public abstract Optional<String> bridge();

    /** {@return whether the bridge gets the gateway address, or empty when not set} */
    public abstract Optional<Boolean> isGateway();

    /** {@return whether the container gets a default route via the bridge, or empty when not set} */
    public abstract Optional<Boolean> isDefaultGateway();

    /** {@return whether a changed gateway address replaces the old one on the bridge, or empty when not set} */
    public abstract Optional<Boolean> forceAddress();

    /** {@return whether the bridge port reflects traffic back to its sender, or empty when not set} */
    public abstract Optional<Boolean> hairpinMode();

    /** {@return whether the bridge runs in promiscuous mode, or empty when not set} */
    public abstract Optional<Boolean> promiscMode();

    /** {@return the VLAN tag of the container port (0-4094), or empty when not set} */
    @Key(min = 0, max = 4094)
    public abstract Optional<Integer> vlan();

    /** {@return the VLAN trunk of the container port as JSON text, e.g. {@code [{"minID":100,"maxID":110}]}, or empty
     * when not set} */
    @Key(json = Fields.Kind.ARRAY, schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
            + "\"id\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094},"
            + "\"minID\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094},"
            + "\"maxID\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":4094}}}}")
    public abstract Optional<String> vlanTrunk();

    /** {@return whether the port keeps the default VLAN 1 (newer plugins), or empty when not set} */
    public abstract Optional<Boolean> preserveDefaultVlan();

    /** {@return whether MAC spoofing from the container is dropped, or empty when not set} */
    public abstract Optional<Boolean> macspoofchk();

    /** {@return whether duplicate address detection runs on the container interface, or empty when not set} */
    public abstract Optional<Boolean> enabledad();

    /** {@return whether the container interface stays down (newer plugins), or empty when not set} */
    public abstract Optional<Boolean> disableContainerInterface();

    /** {@return whether bridge ports are isolated from each other (newer plugins), or empty when not set} */
    public abstract Optional<Boolean> portIsolation();

    Bridge() {
    }

    /** Builds {@link Bridge} configs, one setter per key (not thread-safe), e.g.
     * {@code Bridge.builder().bridge("c4jbr0").isGateway(true).vlan(10).build()}. */
    public static final class Builder extends ImmutableBridge.Builder implements SpecBuilder<Builder, Bridge> {

        Builder() {
        }
    }
}
