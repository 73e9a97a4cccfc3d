package io.github.cni4j.plugins;

import io.github.cni4j.plugins.CommonKeys.Ipam;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code host-device} plugin: moves an existing host device into the container; name it by exactly one of {@code device}, {@code hwaddr}, {@code kernelpath} or {@code pciBusID} (or the {@code deviceID} capability).
 *
 * <pre>{@code
 * HostDevice d = HostDevice.builder().device("eth1").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "host-device", capabilities = {"deviceID", "ips", "ipRanges"})
public abstract class HostDevice extends DeclaredSpec<HostDevice.Builder> implements Ipam {

    /** {@return a new builder with {@code "type":"host-device"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the host device name, or empty when not set} */
    @Key(ifName = true)
    public abstract Optional<String> device();

    /** {@return the MAC address of the device, or empty when not set} */
    public abstract Optional<String> hwaddr();

    /** {@return the kernel device path of the device, or empty when not set} */
    public abstract Optional<String> kernelpath();

    /** {@return the PCI address of the device, or empty when not set} */
    public abstract Optional<String> pciBusID();

    @Override
    void checkKeys() {
        long named = List.of("device", "hwaddr", "kernelpath", "pciBusID").stream()
                .filter(k -> rawField(k).isPresent()).count();
        if (named > 1) {
            throw new IllegalArgumentException("device: specify only one of device, hwaddr, kernelpath, pciBusID");
        }
    }

    HostDevice() {
    }

    /** Builds {@link HostDevice} configs, one setter per key (not thread-safe), e.g.
     * {@code HostDevice.builder().build()}. */
    public static final class Builder extends ImmutableHostDevice.Builder implements SpecBuilder<Builder, HostDevice> {

        Builder() {
        }
    }
}
