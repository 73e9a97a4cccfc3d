package io.github.cni4j.plugins;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.plugins.CommonKeys.DataDir;
import io.github.cni4j.plugins.CommonKeys.DataDirSetters;
import io.github.cni4j.plugins.CommonKeys.Routes;
import io.github.cni4j.plugins.CommonKeys.RoutesSetters;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code host-local} IPAM plugin: {@code ranges} (a list of range sets, one address from each set),
 * {@code routes}, {@code dataDir} (plugin default {@code /var/lib/cni/networks}) and {@code resolvConf}.
 *
 * <pre>{@code
 * HostLocal ipam = HostLocal.builder()
 *         .addRangeSet(IpRange.of("10.1.0.0/24").withRangeStart("10.1.0.10").withGateway("10.1.0.1"))
 *         .addRoute(Route.of("0.0.0.0/0"))
 *         .dataDir(Path.of("/run/my-ipam"))
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "host-local", ipam = true, capabilities = {"ips", "ipRanges"})
public abstract class HostLocal extends DeclaredSpec<HostLocal.Builder> implements Routes, DataDir {

    /** {@return a new builder with {@code "type":"host-local"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the range sets: the plugin allocates one address from each set, from its first range with room; empty
     * when absent} */
    @Key(schema = "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"minItems\":1,"
            + "\"items\":{\"$ref\":\"#/$defs/range\"}}}")
    public abstract List<List<IpRange>> ranges();

    /** {@return A resolv.conf whose nameservers the plugin returns as DNS, or empty when not set} */
    public abstract Optional<String> resolvConf();

    /** {@return the legacy single-range form's subnet (like {@code rangeStart}, {@code rangeEnd} and {@code gateway}),
     * or empty when not set} */
    @Key(schema = "{\"$ref\":\"#/$defs/cidr\"}")
    public abstract Optional<String> subnet();

    /** {@return the legacy single-range form's first address, or empty when not set} */
    @Key(schema = "{\"$ref\":\"#/$defs/ip\"}")
    public abstract Optional<String> rangeStart();

    /** {@return the legacy single-range form's last address, or empty when not set} */
    @Key(schema = "{\"$ref\":\"#/$defs/ip\"}")
    public abstract Optional<String> rangeEnd();

    /** {@return the legacy single-range form's gateway, or empty when not set} */
    @Key(schema = "{\"$ref\":\"#/$defs/ip\"}")
    public abstract Optional<String> gateway();

    @Override
    void checkKeys() {
        List<BigInteger[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ranges().size(); i++) {
            List<IpRange> set = ranges().get(i);
            if (set.isEmpty()) {
                throw new IllegalArgumentException("ranges/" + i + ": expected a non-empty array of ranges");
            }
            for (int j = 0; j < set.size(); j++) {
                String where = "ranges/" + i + "/" + j;
                Cidr subnet = Cidr.parse(where + "/subnet", set.get(j).subnet());
                if (subnet.isV4() != Cidr.parse("subnet", set.get(0).subnet()).isV4()) {
                    throw new IllegalArgumentException(where + ": mixed address families in one range set");
                }
                BigInteger[] span = span(where, set.get(j), subnet);
                for (int k = 0; k < spans.size(); k++) {
                    BigInteger[] o = spans.get(k);
                    if (o[2].equals(span[2]) && span[0].compareTo(o[1]) <= 0 && o[0].compareTo(span[1]) <= 0) {
                        throw new IllegalArgumentException(where + ": range overlaps with " + names.get(k));
                    }
                }
                spans.add(span);
                names.add(where);
            }
        }
    }

    /** [first, last, family] of the allocatable span, for overlap checks; checks the bounds lie in the subnet. */
    private static BigInteger[] span(String where, IpRange r, Cidr subnet) {
        List<Optional<String>> bounds = List.of(r.rangeStart(), r.rangeEnd(), r.gateway());
        for (int i = 0; i < 3; i++) {
            String key = List.of("rangeStart", "rangeEnd", "gateway").get(i);
            Optional<String> v = bounds.get(i);
            if (v.isPresent() && !subnet.contains(Cidr.ip(where + "/" + key, v.get()))) {
                throw new IllegalArgumentException(where + "/" + key + ": " + v.get() + " is not inside subnet "
                        + subnet.network());
            }
        }
        BigInteger start = r.rangeStart().map(s -> Cidr.ip("rangeStart", s).value()).orElse(subnet.first());
        BigInteger end = r.rangeEnd().map(s -> Cidr.ip("rangeEnd", s).value()).orElse(subnet.last());
        if (start.compareTo(end) > 0) {
            throw new IllegalArgumentException("rangeStart: " + r.rangeStart().orElseThrow() + " is after rangeEnd "
                    + r.rangeEnd().orElseThrow());
        }
        return new BigInteger[] {start, end, BigInteger.valueOf(subnet.address().length)};
    }

    HostLocal() {
    }

    /** Builds {@link HostLocal} configs, one setter per key (not thread-safe), e.g.
     * {@code HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24")).build()}. */
    public static final class Builder extends ImmutableHostLocal.Builder implements SpecBuilder<Builder, HostLocal>,
            RoutesSetters<Builder>, DataDirSetters<Builder> {

        Builder() {
        }

        /** Appends one range set: the plugin allocates one address from the first range of the set that has room.
         * @param ranges the pools of the set, all of one address family
         * @return this builder */
        public Builder addRangeSet(IpRange... ranges) {
            return addRanges(List.of(ranges));
        }

        /** Appends one range set.
         * @param ranges the pools of the set, all of one address family
         * @return this builder */
        public Builder addRangeSet(List<IpRange> ranges) {
            return addRanges(List.copyOf(ranges));
        }

        /** Sets a resolv.conf whose nameservers the plugin returns as DNS.
         * @param file the file
         * @return this builder */
        public Builder resolvConf(Path file) {
            return resolvConf(file.toString());
        }
    }
}
