package io.github.cni4j;

import io.github.cni4j.error.ConfigException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DNS settings a runtime hands to plugins through the {@code dns} capability (like {@code docker run --dns
 * --dns-search --dns-option}): name servers, search domains and resolver options.
 *
 * <p>JSON form: {@code {"options":["ndots:2"],"searches":["example.com"],"servers":["10.0.0.53"]}}, empty lists
 * omitted; {@link #fromBytes(byte[])} also reads go-cni's {@code Servers}/{@code Searches}/{@code Options}.
 * Not to be confused with {@code io.github.cni4j.result.Dns}, the DNS part of a plugin's result.
 *
 * <pre>{@code
 * DnsSettings dns = DnsSettings.builder().addServer("10.0.0.53").addSearch("corp.example").build();
 * cni.attach("web-1", netnsPath).dns(dns).execute();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the builder is not thread-safe.
 */
public final class DnsSettings {

    private static final String SOURCE = "DnsSettings";

    private final List<String> servers;
    private final List<String> searches;
    private final List<String> options;

    private DnsSettings(List<String> servers, List<String> searches, List<String> options) {
        this.servers = List.copyOf(servers);
        this.searches = List.copyOf(searches);
        this.options = List.copyOf(options);
    }

    /**
     * Starts an empty set of settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads settings from their JSON form.
     *
     * @param json a JSON object with optional string arrays {@code servers}, {@code searches}, {@code options}
     * @return the settings
     * @throws ConfigException naming the field when the JSON is malformed
     */
    public static DnsSettings fromBytes(byte[] json) {
        ObjectNode o = CapabilityJson.readObject(Objects.requireNonNull(json, "json"), SOURCE);
        return new DnsSettings(CapabilityJson.strings(o, "servers", SOURCE, ""),
                CapabilityJson.strings(o, "searches", SOURCE, ""),
                CapabilityJson.strings(o, "options", SOURCE, ""));
    }

    /**
     * Returns the JSON form, keys sorted, empty lists omitted.
     *
     * @return UTF-8 JSON bytes
     */
    public byte[] toBytes() {
        return GoJson.encode(toJson());
    }

    ObjectNode toJson() {
        ObjectNode o = CapabilityJson.object();
        putList(o, "servers", servers);
        putList(o, "searches", searches);
        putList(o, "options", options);
        return o;
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    /**
     * Returns the name servers.
     *
     * @return unmodifiable, possibly empty
     */
    public List<String> servers() {
        return servers;
    }

    /**
     * Returns the search domains.
     *
     * @return unmodifiable, possibly empty
     */
    public List<String> searches() {
        return searches;
    }

    /**
     * Returns the resolver options, e.g. {@code ndots:2}.
     *
     * @return unmodifiable, possibly empty
     */
    public List<String> options() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsSettings d && d.servers.equals(servers) && d.searches.equals(searches)
                && d.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servers, searches, options);
    }

    @Override
    public String toString() {
        return "DnsSettings[servers=" + servers + ", searches=" + searches + ", options=" + options + "]";
    }

    /**
     * Collects DNS settings. Not thread-safe.
     *
     * <pre>{@code
     * DnsSettings dns = DnsSettings.builder().addServer("1.1.1.1").addOption("ndots:1").build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> servers = new ArrayList<>();
        private final List<String> searches = new ArrayList<>();
        private final List<String> options = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a name server (an IP address; not checked, plugins decide).
         *
         * @param server the server
         * @return this builder
         */
        public Builder addServer(String server) {
            servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /**
         * Adds a search domain.
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder addSearch(String domain) {
            searches.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /**
         * Adds a resolver option such as {@code ndots:2}.
         *
         * @param option the option
         * @return this builder
         */
        public Builder addOption(String option) {
            options.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public DnsSettings build() {
            return new DnsSettings(servers, searches, options);
        }
    }
}
