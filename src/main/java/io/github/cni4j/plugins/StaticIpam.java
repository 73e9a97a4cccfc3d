package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.plugins.CommonKeys.Routes;
import io.github.cni4j.plugins.CommonKeys.RoutesSetters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
@PluginType(value = "static", ipam = true, capabilities = {"ips"})
public abstract class StaticIpam extends DeclaredSpec<StaticIpam.Builder> implements Routes {

    /**
     * One entry of {@code addresses}.
     *
     * <pre>{@code
     * StaticIpam.Address a = new StaticIpam.Address("10.10.0.5/24", Optional.of("10.10.0.1"));
     * }</pre>
     *
     * @param address the address with prefix, e.g. {@code 10.10.0.5/24}
     * @param gateway the gateway, or empty
     */
    public record Address(String address, Optional<String> gateway) {

        /** Checks both components are present.
         * @param address the address with prefix
         * @param gateway the gateway, or empty */
        public Address {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(gateway, "gateway");
        }
    }

    /** {@return a new builder with {@code "type":"static"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the configured addresses; empty when absent} */
    @Key(schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"address\"],\"properties\":{"
            + "\"address\":{\"$ref\":\"#/$defs/cidr\"},\"gateway\":{\"$ref\":\"#/$defs/ip\"}}}}")
    public abstract List<Address> addresses();

    /** {@return the DNS settings the plugin returns, e.g. {@code {"nameservers":["10.10.0.1"]}} as compact JSON text,
     * or empty when not set} */
    @Key(json = Fields.Kind.OBJECT, schema = "{\"$ref\":\"#/$defs/dns\"}")
    public abstract Optional<String> dns();

    @Override
    void checkKeys() {
        for (int i = 0; i < addresses().size(); i++) {
            Address a = addresses().get(i);
            Cidr addr = Cidr.parse("addresses/" + i + "/address", a.address());
            String where = "addresses/" + i + "/gateway";
            a.gateway().ifPresent(g -> {
                if (Cidr.ip(where, g).isV4() != addr.isV4()) {
                    throw new IllegalArgumentException(where + ": " + g + " is not of the address's family");
                }
            });
        }
    }

    StaticIpam() {
    }

    /** Builds {@link StaticIpam} configs, one setter per key (not thread-safe), e.g.
     * {@code StaticIpam.builder().addAddress("10.10.0.5/24", Optional.empty()).build()}. */
    public static final class Builder extends ImmutableStaticIpam.Builder implements SpecBuilder<Builder, StaticIpam>,
            RoutesSetters<Builder> {

        Builder() {
        }

        /** Appends an address.
         * @param address the address with prefix, e.g. {@code 10.10.0.1/24}
         * @param gateway the gateway, or empty
         * @return this builder */
        public Builder addAddress(String address, Optional<String> gateway) {
            return addAddresses(new Address(address, gateway));
        }

        /** Sets {@code dns}.
         * @param nameservers the name servers
         * @param domain the domain, may be empty (then omitted)
         * @param search the search domains
         * @return this builder */
        public Builder dns(List<String> nameservers, String domain, List<String> search) {
            ObjectNode n = Fields.MAPPER.createObjectNode();
            n.set("nameservers", Fields.MAPPER.valueToTree(List.copyOf(nameservers)));
            if (!domain.isEmpty()) {
                n.put("domain", domain);
            }
            if (!search.isEmpty()) {
                n.set("search", Fields.MAPPER.valueToTree(List.copyOf(search)));
            }
            return dns(Fields.json(n));
        }
    }
}
