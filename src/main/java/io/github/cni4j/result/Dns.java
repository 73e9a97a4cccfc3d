package io.github.cni4j.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DNS settings a plugin reports ({@code dns} of a result).
 *
 * <pre>{@code
 * Dns dns = Dns.builder().addNameserver("10.22.0.1").domain("cluster.local").addSearch("svc.cluster.local").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Dns {

    private static final Dns EMPTY = new Dns(List.of(), "", List.of(), List.of());

    private final List<String> nameservers;
    private final String domain;
    private final List<String> search;
    private final List<String> options;

    private Dns(List<String> nameservers, String domain, List<String> search, List<String> options) {
        this.nameservers = List.copyOf(nameservers);
        this.domain = domain;
        this.search = List.copyOf(search);
        this.options = List.copyOf(options);
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
        Builder b = new Builder().domain(domain);
        b.nameservers.addAll(nameservers);
        b.search.addAll(search);
        b.options.addAll(options);
        return b;
    }

    /**
     * Returns the name server addresses, in priority order.
     *
     * @return the name servers
     */
    public List<String> nameservers() {
        return nameservers;
    }

    /**
     * Returns the local domain, or empty.
     *
     * @return the domain
     */
    public String domain() {
        return domain;
    }

    /**
     * Returns the search domains, in order.
     *
     * @return the search domains
     */
    public List<String> search() {
        return search;
    }

    /**
     * Returns the resolver options.
     *
     * @return the options
     */
    public List<String> options() {
        return options;
    }

    /**
     * Tells whether nothing is set (libcni then omits {@code dns} from 1.x results).
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return nameservers.isEmpty() && domain.isEmpty() && search.isEmpty() && options.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dns d && d.nameservers.equals(nameservers) && d.domain.equals(domain)
                && d.search.equals(search) && d.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameservers, domain, search, options);
    }

    @Override
    public String toString() {
        return "Dns{nameservers=" + nameservers + ", domain=" + domain + ", search=" + search
                + ", options=" + options + "}";
    }

    /**
     * Builds a {@link Dns}. Not thread-safe; the built value is.
     *
     * <pre>{@code
     * Dns dns = Dns.builder().nameservers(List.of("1.1.1.1", "8.8.8.8")).build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> nameservers = new ArrayList<>();
        private String domain = "";
        private final List<String> search = new ArrayList<>();
        private final List<String> options = new ArrayList<>();

        private Builder() {
        }

        /**
         * Replaces the name servers (default none).
         *
         * @param nameservers the name servers
         * @return this builder
         */
        public Builder nameservers(List<String> nameservers) {
            this.nameservers.clear();
            nameservers.forEach(this::addNameserver);
            return this;
        }

        /**
         * Adds a name server.
         *
         * @param nameserver the address
         * @return this builder
         */
        public Builder addNameserver(String nameserver) {
            nameservers.add(Objects.requireNonNull(nameserver, "nameserver"));
            return this;
        }

        /**
         * Sets the local domain (default empty).
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * Replaces the search domains (default none).
         *
         * @param search the search domains
         * @return this builder
         */
        public Builder search(List<String> search) {
            this.search.clear();
            search.forEach(this::addSearch);
            return this;
        }

        /**
         * Adds a search domain.
         *
         * @param domain the search domain
         * @return this builder
         */
        public Builder addSearch(String domain) {
            search.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /**
         * Replaces the resolver options (default none).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(List<String> options) {
            this.options.clear();
            options.forEach(this::addOption);
            return this;
        }

        /**
         * Adds a resolver option.
         *
         * @param option the option, e.g. {@code ndots:5}
         * @return this builder
         */
        public Builder addOption(String option) {
            options.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Builds the DNS settings.
         *
         * @return the settings
         */
        public Dns build() {
            return new Dns(nameservers, domain, search, options);
        }
    }
}
