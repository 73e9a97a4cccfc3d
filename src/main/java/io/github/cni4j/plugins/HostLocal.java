package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.config.IpRange;
import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.result.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
public final class HostLocal extends PluginSpec implements IpamSpec {

    /** The capabilities host-local consumes: {@code ips} and {@code ipRanges}. */
    public static final Set<String> CAPABILITIES = Set.of("ips", "ipRanges");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("ranges", Fields.Kind.ARRAY,
            "routes", Fields.Kind.ARRAY, "dataDir", Fields.Kind.STRING, "resolvConf", Fields.Kind.STRING,
            "subnet", Fields.Kind.STRING, "rangeStart", Fields.Kind.STRING, "rangeEnd", Fields.Kind.STRING,
            "gateway", Fields.Kind.STRING);

    HostLocal(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"host-local"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a host-local object (a plugin entry or the {@code ipam} object of one), keeping unknown keys.
     *
     * @param config the config, of type {@code host-local}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     */
    public static HostLocal from(PluginConfig config) {
        return parse(config, "host-local", Builder::new);
    }

    /**
     * A builder holding this config's keys.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(tree());
    }

    @Override
    public Set<String> supportedCapabilities() {
        return CAPABILITIES;
    }

    /**
     * The range sets.
     *
     * @return {@code ranges}; empty when absent
     */
    public List<List<IpRange>> ranges() {
        List<List<IpRange>> out = new ArrayList<>();
        for (JsonNode set : tree().path("ranges")) {
            List<IpRange> rs = new ArrayList<>();
            set.forEach(r -> rs.add(toRange(r)));
            out.add(List.copyOf(rs));
        }
        return List.copyOf(out);
    }

    /**
     * The routes.
     *
     * @return {@code routes}; empty when absent
     */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        tree().path("routes").forEach(r -> out.add(Fields.str(r, "gw")
                .map(gw -> Route.of(r.path("dst").asText(), gw)).orElseGet(() -> Route.of(r.path("dst").asText()))));
        return List.copyOf(out);
    }

    /**
     * Where allocations are stored.
     *
     * @return {@code dataDir}, or empty for the plugin's default
     */
    public Optional<String> dataDir() {
        return str("dataDir");
    }

    static IpRange toRange(JsonNode r) {
        IpRange range = IpRange.of(r.path("subnet").asText());
        range = Fields.str(r, "rangeStart").map(range::withRangeStart).orElse(range);
        range = Fields.str(r, "rangeEnd").map(range::withRangeEnd).orElse(range);
        return Fields.str(r, "gateway").map(range::withGateway).orElse(range);
    }

    static ObjectNode rangeNode(IpRange r) {
        ObjectNode n = Fields.MAPPER.createObjectNode();
        n.put("subnet", r.subnet());
        r.rangeStart().ifPresent(v -> n.put("rangeStart", v));
        r.rangeEnd().ifPresent(v -> n.put("rangeEnd", v));
        r.gateway().ifPresent(v -> n.put("gateway", v));
        return n;
    }

    /**
     * Builds {@link HostLocal} configs; not thread-safe.
     *
     * <pre>{@code
     * HostLocal h = HostLocal.builder().addRangeSet(IpRange.of("10.1.0.0/24")).build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, HostLocal> {

        Builder(ObjectNode from) {
            super("host-local", from);
        }

        /**
         * Appends one range set: the plugin allocates one address from the first range of the set that has room.
         *
         * @param ranges the pools of the set, all of one address family
         * @return this builder
         */
        public Builder addRangeSet(IpRange... ranges) {
            return addRangeSet(List.of(ranges));
        }

        /**
         * Appends one range set.
         *
         * @param ranges the pools of the set, all of one address family
         * @return this builder
         */
        public Builder addRangeSet(List<IpRange> ranges) {
            ArrayNode set = Fields.array(tree, "ranges").addArray();
            ranges.forEach(r -> set.add(rangeNode(Objects.requireNonNull(r, "range"))));
            return this;
        }

        /**
         * Appends a route.
         *
         * @param route the route
         * @return this builder
         */
        public Builder addRoute(Route route) {
            ObjectNode n = Fields.array(tree, "routes").addObject();
            n.put("dst", route.dst().toString());
            route.gw().ifPresent(gw -> n.put("gw", GoIp.format(gw)));
            return this;
        }

        /**
         * Sets where allocations are stored (default {@code /var/lib/cni/networks}).
         *
         * @param dir the directory
         * @return this builder
         */
        public Builder dataDir(Path dir) {
            return set("dataDir", dir.toString());
        }

        /**
         * Sets a resolv.conf whose nameservers the plugin returns as DNS.
         *
         * @param file the file
         * @return this builder
         */
        public Builder resolvConf(Path file) {
            return set("resolvConf", file.toString());
        }

        @Override
        Set<String> supported() {
            return CAPABILITIES;
        }

        @Override
        Map<String, Fields.Kind> schema() {
            return SCHEMA;
        }

        @Override
        void check() {
            List<BigInteger[]> spans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int i = 0;
            for (JsonNode set : tree.path("ranges")) {
                if (!set.isArray() || set.isEmpty()) {
                    throw new IllegalArgumentException("ranges/" + i + ": expected a non-empty array of ranges");
                }
                Boolean v4 = null;
                int j = 0;
                for (JsonNode r : set) {
                    String where = "ranges/" + i + "/" + j;
                    Cidr subnet = checkRange(where, r);
                    if (v4 != null && v4 != subnet.isV4()) {
                        throw new IllegalArgumentException(where + ": mixed address families in one range set");
                    }
                    v4 = subnet.isV4();
                    BigInteger[] span = span(r, subnet);
                    for (int k = 0; k < spans.size(); k++) {
                        BigInteger[] o = spans.get(k);
                        if (o[2].equals(span[2]) && span[0].compareTo(o[1]) <= 0 && o[0].compareTo(span[1]) <= 0) {
                            throw new IllegalArgumentException(where + ": range overlaps with " + names.get(k));
                        }
                    }
                    spans.add(span);
                    names.add(where);
                    j++;
                }
                i++;
            }
            for (JsonNode r : tree.path("routes")) {
                Fields.str(r, "gw").ifPresentOrElse(gw -> Route.of(r.path("dst").asText(), gw),
                        () -> Route.of(r.path("dst").asText()));
            }
        }

        private static Cidr checkRange(String where, JsonNode r) {
            if (!r.isObject() || !r.path("subnet").isTextual()) {
                throw new IllegalArgumentException(where + "/subnet: expected a CIDR string");
            }
            Cidr subnet = Cidr.parse(where + "/subnet", r.path("subnet").asText());
            for (String key : List.of("rangeStart", "rangeEnd", "gateway")) {
                JsonNode v = r.get(key);
                if (v != null && !subnet.contains(Cidr.ip(where + "/" + key, v.asText()))) {
                    throw new IllegalArgumentException(where + "/" + key + ": " + v.asText()
                            + " is not inside subnet " + subnet.network());
                }
            }
            return subnet;
        }

        /** [first, last, family] of the allocatable span, for overlap checks. */
        private static BigInteger[] span(JsonNode r, Cidr subnet) {
            BigInteger start = Fields.str(r, "rangeStart").map(s -> Cidr.ip("rangeStart", s).value())
                    .orElse(subnet.first());
            BigInteger end = Fields.str(r, "rangeEnd").map(s -> Cidr.ip("rangeEnd", s).value()).orElse(subnet.last());
            if (start.compareTo(end) > 0) {
                throw new IllegalArgumentException("rangeStart: " + r.path("rangeStart").asText()
                        + " is after rangeEnd " + r.path("rangeEnd").asText());
            }
            return new BigInteger[] {start, end, BigInteger.valueOf(subnet.address().length)};
        }

        @Override
        HostLocal create(ObjectNode t) {
            return new HostLocal(t);
        }
    }
}
