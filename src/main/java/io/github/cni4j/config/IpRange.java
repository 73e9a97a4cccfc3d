package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.json.GoJson;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Instances are immutable and thread-safe.
 */
public final class IpRange {

    private static final String SOURCE = "IpRange";

    private final String subnet;
    private final String rangeStart;
    private final String rangeEnd;
    private final String gateway;

    private IpRange(String subnet, String rangeStart, String rangeEnd, String gateway) {
        this.subnet = subnet;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
        this.gateway = gateway;
    }

    /**
     * A pool covering a whole subnet.
     *
     * @param subnet a CIDR such as {@code 10.22.0.0/24} or {@code fd00:22::/64}
     * @return the range
     * @throws IllegalArgumentException if {@code subnet} is not a CIDR
     */
    public static IpRange of(String subnet) {
        Cidr.parse("subnet", Objects.requireNonNull(subnet, "subnet"));
        return new IpRange(subnet, "", "", "");
    }

    /**
     * Returns a copy that hands out only addresses from {@code start} to {@code end}, inclusive.
     *
     * @param start the first address
     * @param end the last address
     * @return the new range
     * @throws IllegalArgumentException if an argument is not an IP literal
     */
    public IpRange withRange(String start, String end) {
        return new IpRange(subnet, ip(start, "rangeStart"), ip(end, "rangeEnd"), gateway);
    }

    /**
     * Returns a copy whose pool starts at {@code start}.
     *
     * @param start the first address to hand out
     * @return the new range
     * @throws IllegalArgumentException if {@code start} is not an IP literal
     */
    public IpRange withRangeStart(String start) {
        return new IpRange(subnet, ip(start, "rangeStart"), rangeEnd, gateway);
    }

    /**
     * Returns a copy whose pool ends at {@code end}.
     *
     * @param end the last address to hand out
     * @return the new range
     * @throws IllegalArgumentException if {@code end} is not an IP literal
     */
    public IpRange withRangeEnd(String end) {
        return new IpRange(subnet, rangeStart, ip(end, "rangeEnd"), gateway);
    }

    /**
     * Returns a copy with this gateway.
     *
     * @param gateway the gateway address
     * @return the new range
     * @throws IllegalArgumentException if {@code gateway} is not an IP literal
     */
    public IpRange withGateway(String gateway) {
        return new IpRange(subnet, rangeStart, rangeEnd, ip(gateway, "gateway"));
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
            IpRange r = of(subnet);
            String start = CapabilityJson.string(o, "rangeStart", SOURCE, pointer).orElse("");
            String end = CapabilityJson.string(o, "rangeEnd", SOURCE, pointer).orElse("");
            String gw = CapabilityJson.string(o, "gateway", SOURCE, pointer).orElse("");
            r = new IpRange(subnet, start.isEmpty() ? "" : ip(start, "rangeStart"),
                    end.isEmpty() ? "" : ip(end, "rangeEnd"), "");
            return gw.isEmpty() ? r : r.withGateway(gw);
        } catch (IllegalArgumentException e) {
            throw CapabilityJson.invalid(SOURCE, pointer, e.getMessage());
        }
    }

    /**
     * Returns the JSON form, keys sorted, absent values omitted.
     *
     * @return UTF-8 JSON bytes
     */
    public byte[] toBytes() {
        return GoJson.encode(toJson());
    }

    ObjectNode toJson() {
        ObjectNode o = CapabilityJson.object();
        o.put("subnet", subnet);
        putIfSet(o, "rangeStart", rangeStart);
        putIfSet(o, "rangeEnd", rangeEnd);
        putIfSet(o, "gateway", gateway);
        return o;
    }

    /**
     * Returns the subnet.
     *
     * @return a CIDR
     */
    public String subnet() {
        return subnet;
    }

    /**
     * Returns the first address to hand out, if restricted.
     *
     * @return the start
     */
    public Optional<String> rangeStart() {
        return optional(rangeStart);
    }

    /**
     * Returns the last address to hand out, if restricted.
     *
     * @return the end
     */
    public Optional<String> rangeEnd() {
        return optional(rangeEnd);
    }

    /**
     * Returns the gateway, if set.
     *
     * @return the gateway
     */
    public Optional<String> gateway() {
        return optional(gateway);
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (!value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static String ip(String value, String field) {
        Cidr.ip(field, Objects.requireNonNull(value, field));
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.subnet.equals(subnet) && r.rangeStart.equals(rangeStart)
                && r.rangeEnd.equals(rangeEnd) && r.gateway.equals(gateway);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subnet, rangeStart, rangeEnd, gateway);
    }

    @Override
    public String toString() {
        return new String(toBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
