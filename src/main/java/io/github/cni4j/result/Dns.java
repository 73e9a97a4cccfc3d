package io.github.cni4j.result;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.value.CniStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * DNS settings, the one DNS type of cni4j (Go's {@code types.DNS}): the {@code dns} of a plugin config, of a
 * result, and the value of the {@code dns} capability a runtime passes ({@code AttachRequest.dns}).
 *
 * <p>The capability's JSON form is go-cni's: {@code {"options":[..],"searches":[..],"servers":[..]}}, empty lists
 * omitted and no domain ({@link #toCapabilityBytes()}, {@link #fromCapabilityBytes(byte[])}).
 *
 * <pre>{@code
 * Dns dns = Dns.builder().addNameserver("10.22.0.1").domain("cluster.local").addSearch("svc.cluster.local").build();
 * cni.attach("web-1", netnsPath).dns(dns).execute();
 * result.dns().flatMap(Dns::domain);            // Optional[cluster.local]
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; an empty domain counts as none.
 */
@Value.Immutable
@CniStyle
public abstract class Dns {

    private static final String SOURCE = "Dns";
    private static final Dns EMPTY = new Builder().build();

    Dns() {
    }

    /** {@return a new builder; everything starts empty} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the empty DNS settings} */
    public static Dns empty() {
        return EMPTY;
    }

    /**
     * Reads the {@code dns} capability's JSON form; go-cni's {@code Servers}/{@code Searches}/{@code Options}
     * spellings are read too.
     *
     * @param json a JSON object with optional string arrays {@code servers}, {@code searches}, {@code options}
     * @return the settings, without domain
     * @throws ConfigException naming the field when the JSON is malformed
     */
    public static Dns fromCapabilityBytes(byte[] json) {
        ObjectNode o = CapabilityJson.readObject(Objects.requireNonNull(json, "json"), SOURCE);
        return builder().nameservers(CapabilityJson.strings(o, "servers", SOURCE, ""))
                .search(CapabilityJson.strings(o, "searches", SOURCE, ""))
                .options(CapabilityJson.strings(o, "options", SOURCE, "")).build();
    }

    /**
     * {@return the {@code dns} capability's JSON form: keys sorted, empty lists omitted, the domain left out (the
     * capability has none)}
     */
    public byte[] toCapabilityBytes() {
        ObjectNode o = CapabilityJson.object();
        putList(o, "options", options());
        putList(o, "searches", search());
        putList(o, "servers", nameservers());
        return GoJson.encode(o);
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    /** {@return a builder that starts from these values} */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** {@return the name server addresses, in priority order} */
    public abstract List<String> nameservers();

    /** {@return the local domain, if set and not empty} */
    public abstract Optional<String> domain();

    /** {@return the search domains, in order} */
    public abstract List<String> search();

    /** {@return the resolver options, e.g. {@code ndots:5}} */
    public abstract List<String> options();

    /** {@return whether nothing is set (libcni then omits {@code dns} from 1.x results)} */
    public boolean isEmpty() {
        return nameservers().isEmpty() && domain().isEmpty() && search().isEmpty() && options().isEmpty();
    }

    /** Go's omitempty makes an empty domain the same as none. */
    @Value.Check
    Dns normalize() {
        return domain().filter(String::isEmpty).isPresent() ? toBuilder().domain(Optional.empty()).build() : this;
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
