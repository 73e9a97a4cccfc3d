package io.github.cni4j.result;

import io.github.cni4j.internal.value.CniStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * DNS settings a plugin reports ({@code dns} of a result).
 *
 * <pre>{@code
 * Dns dns = Dns.builder().addNameserver("10.22.0.1").domain("cluster.local").addSearch("svc.cluster.local").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class Dns {

    private static final Dns EMPTY = new Builder().build();

    Dns() {
    }

    /**
     * Returns a new builder; everything starts empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the empty DNS settings.
     *
     * @return the empty value
     */
    public static Dns empty() {
        return EMPTY;
    }

    /**
     * Returns a builder that starts from these values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /**
     * Returns the name server addresses, in priority order.
     *
     * @return the name servers
     */
    public abstract List<String> nameservers();

    /**
     * Returns the local domain, or empty.
     *
     * @return the domain
     */
    @Value.Default
    public String domain() {
        return "";
    }

    /**
     * Returns the search domains, in order.
     *
     * @return the search domains
     */
    public abstract List<String> search();

    /**
     * Returns the resolver options.
     *
     * @return the options
     */
    public abstract List<String> options();

    /**
     * Tells whether nothing is set (libcni then omits {@code dns} from 1.x results).
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return nameservers().isEmpty() && domain().isEmpty() && search().isEmpty() && options().isEmpty();
    }

    @Override
    public String toString() {
        return "Dns{nameservers=" + nameservers() + ", domain=" + domain() + ", search=" + search()
                + ", options=" + options() + "}";
    }

    /**
     * Builds a {@link Dns}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Dns dns = Dns.builder().nameservers(List.of("1.1.1.1", "8.8.8.8")).addOption("ndots:5").build();
     * }</pre>
     */
    public static final class Builder extends ImmutableDns.Builder {

        Builder() {
        }

        /**
         * Adds a name server.
         *
         * @param nameserver the address
         * @return this builder
         */
        public Builder addNameserver(String nameserver) {
            return addNameservers(nameserver);
        }

        /**
         * Adds a resolver option.
         *
         * @param option the option, e.g. {@code ndots:5}
         * @return this builder
         */
        public Builder addOption(String option) {
            return addOptions(option);
        }
    }
}
