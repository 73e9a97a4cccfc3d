package io.github.cni4j.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code dns} object of a plugin config (spec: {@code nameservers}, {@code domain}, {@code search},
 * {@code options}), as the plugin will read it.
 *
 * <pre>{@code
 * PluginConfig plugin = list.plugins().get(0);
 * List<String> servers = plugin.dns().map(DnsConfig::nameservers).orElse(List.of());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DnsConfig {

    private final List<String> nameservers;
    private final String domain;
    private final List<String> search;
    private final List<String> options;

    DnsConfig(List<String> nameservers, String domain, List<String> search, List<String> options) {
        this.nameservers = List.copyOf(nameservers);
        this.domain = domain;
        this.search = List.copyOf(search);
        this.options = List.copyOf(options);
    }

    /**
     * Returns the name server addresses, in order.
     *
     * @return the name servers, empty when none
     */
    public List<String> nameservers() {
        return nameservers;
    }

    /**
     * Returns the local domain, if set and not empty.
     *
     * @return the domain
     */
    public Optional<String> domain() {
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
    }

    /**
     * Returns the search domains, in order.
     *
     * @return the search domains, empty when none
     */
    public List<String> search() {
        return search;
    }

    /**
     * Returns the resolver options, in order.
     *
     * @return the options, empty when none
     */
    public List<String> options() {
        return options;
    }

    /**
     * Two DNS configs are equal when all four fields are.
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DnsConfig d && nameservers.equals(d.nameservers) && domain.equals(d.domain)
                && search.equals(d.search) && options.equals(d.options);
    }

    /**
     * Returns a hash of all four fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(nameservers, domain, search, options);
    }

    /**
     * Returns a debugging form.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "DnsConfig{nameservers=" + nameservers + ", domain=" + domain + ", search=" + search + ", options="
                + options + "}";
    }
}
