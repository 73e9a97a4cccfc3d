package io.github.cni4j.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.value.CniStyle;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One address pool of {@code host-local}: an entry of its {@code ranges} in a config, or of the {@code ipRanges}
 * capability, which host-local puts in front of its configured ranges. A subnet and optionally the first and last
 * address to hand out and the gateway. The one range type of cni4j: {@code AttachRequest.ipRanges} and the typed
 * {@code HostLocal} config both take it.
 *
 * <p>JSON form: {@code {"gateway":"10.22.0.1","rangeEnd":"10.22.0.200","rangeStart":"10.22.0.100",
 * "subnet":"10.22.0.0/24"}}, optional keys omitted.
 *
 * <pre>{@code
 * HostLocal ipam = HostLocal.builder().addRangeSet(IpRange.of("10.22.0.0/24").withGateway("10.22.0.1")).build();
 * cni.attach("db-1", netnsPath)
 *         .ipRanges(IpRange.of("10.22.0.0/24").withRange("10.22.0.100", "10.22.0.200"))
 *         .execute();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every {@code with*} method checks its address and throws
 * {@link IllegalArgumentException} if it is not an IP literal.
 */
@Value.Immutable
@CniStyle
public abstract class IpRange {

    private static final String SOURCE = "IpRange";

    IpRange() {
    }

    /**
     * A pool covering a whole subnet.
     *
     * @param subnet a CIDR such as {@code 10.22.0.0/24} or {@code fd00:22::/64}
     * @return the range
     * @throws IllegalArgumentException if {@code subnet} is not a CIDR
     */
    public static IpRange of(String subnet) {
        return ImmutableIpRange.builder().subnet(subnet).build();
    }

    /**
     * Reads a range from its JSON form.
     *
     * @param json a JSON object with {@code subnet} and optional {@code rangeStart}, {@code rangeEnd},
     *             {@code gateway}
     * @return the range
     * @throws ConfigException naming the field when the JSON is malformed or a value is invalid
     */
    public static IpRange fromBytes(byte[] json) {
        return fromJson(CapabilityJson.readObject(Objects.requireNonNull(json, "json"), SOURCE), "");
    }

    static IpRange fromJson(ObjectNode o, String pointer) {
        String subnet = CapabilityJson.string(o, "subnet", SOURCE, pointer)
                .orElseThrow(() -> CapabilityJson.missing(SOURCE, pointer + "/subnet", "subnet"));
        try {
            return ImmutableIpRange.builder().subnet(subnet)
                    .rangeStart(CapabilityJson.string(o, "rangeStart", SOURCE, pointer).filter(s -> !s.isEmpty()))
                    .rangeEnd(CapabilityJson.string(o, "rangeEnd", SOURCE, pointer).filter(s -> !s.isEmpty()))
                    .gateway(CapabilityJson.string(o, "gateway", SOURCE, pointer).filter(s -> !s.isEmpty())).build();
        } catch (IllegalArgumentException e) {
            throw CapabilityJson.invalid(SOURCE, pointer, e.getMessage());
        }
    }

    /** {@return the JSON form, keys sorted, absent values omitted} */
    public byte[] toBytes() {
        ObjectNode o = CapabilityJson.object();
        o.put("subnet", subnet());
        rangeStart().ifPresent(v -> o.put("rangeStart", v));
        rangeEnd().ifPresent(v -> o.put("rangeEnd", v));
        gateway().ifPresent(v -> o.put("gateway", v));
        return GoJson.encode(o);
    }

    /** {@return the subnet} */
    public abstract String subnet();

    /** {@return the first address to hand out, if restricted} */
    public abstract Optional<String> rangeStart();

    /** {@return the last address to hand out, if restricted} */
    public abstract Optional<String> rangeEnd();

    /** {@return the gateway, if set} */
    public abstract Optional<String> gateway();

    /**
     * Returns a copy that hands out only addresses from {@code start} to {@code end}, inclusive.
     *
     * @param start the first address
     * @param end the last address
     * @return the new range
     */
    public IpRange withRange(String start, String end) {
        return withRangeStart(start).withRangeEnd(end);
    }

    /**
     * Returns a copy whose pool starts at {@code start}.
     *
     * @param start the first address to hand out
     * @return the new range
     */
    public abstract IpRange withRangeStart(String start);

    /**
     * Returns a copy whose pool ends at {@code end}.
     *
     * @param end the last address to hand out
     * @return the new range
     */
    public abstract IpRange withRangeEnd(String end);

    /**
     * Returns a copy with this gateway.
     *
     * @param gateway the gateway address
     * @return the new range
     */
    public abstract IpRange withGateway(String gateway);

    @Value.Check
    void check() {
        Cidr.parse("subnet", subnet());
        rangeStart().ifPresent(v -> Cidr.ip("rangeStart", v));
        rangeEnd().ifPresent(v -> Cidr.ip("rangeEnd", v));
        gateway().ifPresent(v -> Cidr.ip("gateway", v));
    }
}
