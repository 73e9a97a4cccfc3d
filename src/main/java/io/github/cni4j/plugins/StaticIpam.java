package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.result.Route;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code static} IPAM plugin: fixed {@code addresses}, {@code routes} and {@code dns}.
 *
 * <pre>{@code
 * StaticIpam s = StaticIpam.builder().addAddress("10.10.0.5/24", Optional.of("10.10.0.1"))
 *         .addRoute(Route.of("0.0.0.0/0")).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StaticIpam extends PluginSpec implements IpamSpec {

    /** The capabilities this plugin consumes: {@code ips}. */
    public static final Set<String> CAPABILITIES = Set.of("ips");

    private static final Map<String, Fields.Kind> SCHEMA = Fields.schema("addresses", Fields.Kind.ARRAY,
            "routes", Fields.Kind.ARRAY,
            "dns", Fields.Kind.OBJECT);

    StaticIpam(ObjectNode tree) {
        super(tree);
    }

    /**
     * A new builder with {@code "type":"static"}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Reads a config of this plugin, keeping unknown keys.
     *
     * @param config the config, of type {@code static}
     * @return the typed view
     * @throws io.github.cni4j.error.ConfigException when a known key has a wrong type or value
     * @throws IllegalArgumentException when the config is of another type
     */
    public static StaticIpam from(PluginConfig config) {
        return parse(config, "static", Builder::new);
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
     * The configured addresses with prefix.
     *
     * @return each {@code addresses[].address}; empty when absent
     */
    public List<String> addresses() {
        List<String> out = new java.util.ArrayList<>();
        tree().path("addresses").forEach(a -> out.add(a.path("address").asText()));
        return List.copyOf(out);
    }

    /**
     * Builds {@link StaticIpam} configs; not thread-safe.
     *
     * <pre>{@code
     * StaticIpam c = StaticIpam.builder().build();
     * }</pre>
     */
    public static final class Builder extends PluginSpec.Builder<Builder, StaticIpam> {

        Builder(ObjectNode from) {
            super("static", from);
        }

        /**
         * Appends an address.
         *
         * @param address the address with prefix, e.g. {@code 10.10.0.1/24}
         * @param gateway the gateway, or empty
         * @return this builder
         */
        public Builder addAddress(String address, Optional<String> gateway) {
            ObjectNode n = Fields.array(tree, "addresses").addObject();
            n.put("address", address);
            gateway.ifPresent(g -> n.put("gateway", g));
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
         * Sets {@code dns}.
         *
         * @param nameservers the name servers
         * @param domain the domain, may be empty (then omitted)
         * @param search the search domains
         * @return this builder
         */
        public Builder dns(List<String> nameservers, String domain, List<String> search) {
            ObjectNode n = tree.putObject("dns");
            n.set("nameservers", Fields.MAPPER.valueToTree(List.copyOf(nameservers)));
            if (!domain.isEmpty()) {
                n.put("domain", domain);
            }
            if (!search.isEmpty()) {
                n.set("search", Fields.MAPPER.valueToTree(List.copyOf(search)));
            }
            return this;
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
            int i = 0;
            for (com.fasterxml.jackson.databind.JsonNode a : tree.path("addresses")) {
                Cidr addr = Cidr.parse("addresses/" + i + "/address", a.path("address").asText());
                String where = "addresses/" + i + "/gateway";
                Fields.str(a, "gateway").ifPresent(g -> {
                    if (Cidr.ip(where, g).isV4() != addr.isV4()) {
                        throw new IllegalArgumentException(where + ": " + g + " is not of the address's family");
                    }
                });
                i++;
            }
            tree.path("routes").forEach(r -> Fields.str(r, "gw").ifPresentOrElse(
                    gw -> Route.of(r.path("dst").asText(), gw), () -> Route.of(r.path("dst").asText())));
        }

        @Override
        StaticIpam create(ObjectNode t) {
            return new StaticIpam(t);
        }
    }
}
