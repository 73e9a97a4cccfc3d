package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code dhcp} IPAM plugin: leases from a DHCP server through the plugin's daemon ({@code dhcp daemon}).
 *
 * <pre>{@code
 * Dhcp dhcp = Dhcp.builder().addProvide("host-name", "", "MY_HOSTNAME").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@PluginType(value = "dhcp", ipam = true)
public abstract class Dhcp extends DeclaredSpec<Dhcp.Builder> {

    /** {@return a new builder with {@code "type":"dhcp"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the daemon socket (plugin default {@code /run/cni/dhcp.sock}), or empty when not set} */
    public abstract Optional<String> daemonSocketPath();

    /** {@return the DHCP options to request, e.g. {@code [{"option":"classless-static-routes","skipDefault":false}]} as
     * compact JSON text, or empty when not set} */
    @Key(json = Fields.Kind.ARRAY, schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}")
    public abstract Optional<String> request();

    /** {@return the options sent to the server, e.g. {@code [{"option":"host-name","fromArg":"K8S_POD_NAME"}]} as
     * compact JSON text, or empty when not set} */
    @Key(json = Fields.Kind.ARRAY, schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}")
    public abstract Optional<String> provide();

    Dhcp() {
    }

    /** Builds {@link Dhcp} configs, one setter per key (not thread-safe), e.g.
     * {@code Dhcp.builder().daemonSocketPath(Path.of("/run/cni/dhcp.sock")).build()}. */
    public static final class Builder extends ImmutableDhcp.Builder implements SpecBuilder<Builder, Dhcp> {

        Builder() {
        }

        /** Sets {@code daemonSocketPath}: the daemon socket (plugin default {@code /run/cni/dhcp.sock}).
         * @param socket the socket path
         * @return this builder */
        public Builder daemonSocketPath(Path socket) {
            return daemonSocketPath(socket.toString());
        }

        /** Appends a {@code request} entry: a DHCP option to request.
         * @param option the option name or number, e.g. {@code "classless-static-routes"}
         * @param skipDefault whether to skip the default requested options
         * @return this builder */
        public Builder addRequest(String option, boolean skipDefault) {
            ObjectNode n = Fields.MAPPER.createObjectNode();
            n.put("option", option);
            n.put("skipDefault", skipDefault);
            return SpecDecoder.append(this, "request", n);
        }

        /** Appends a {@code provide} entry: an option sent to the server, with a fixed value or one from CNI_ARGS.
         * @param option the option, e.g. {@code "host-name"}
         * @param value the fixed value, may be empty
         * @param fromArg the CNI_ARGS key to take the value from, may be empty
         * @return this builder */
        public Builder addProvide(String option, String value, String fromArg) {
            ObjectNode n = Fields.MAPPER.createObjectNode();
            n.put("option", option);
            n.put("value", value);
            n.put("fromArg", fromArg);
            return SpecDecoder.append(this, "provide", n);
        }
    }
}
