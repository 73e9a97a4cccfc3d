package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network in a conf dir as {@link NetworkManager} sees it: the conflist plus what is derived from it (subnets,
 * gateways, bridge, plugin chain) and the containers the result cache says are attached.
 *
 * <pre>{@code
 * NetworkInfo info = manager.inspect("web");
 * info.subnets();            // [10.20.0.0/24]
 * info.bridge();             // Optional[br-0c1e...]
 * byte[] json = info.toDockerJson();   // like `docker network inspect web`
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NetworkInfo {

    private final NetworkConfigList config;
    private final Path file;
    private final ObjectNode tree;
    private final Map<String, List<String>> containers;

    NetworkInfo(NetworkConfigList config, Path file, Map<String, List<String>> containers) {
        this.config = config;
        this.file = file;
        this.tree = Fields.parseObject(config.bytes(), file.toString());
        this.containers = Collections.unmodifiableMap(new LinkedHashMap<>(containers));
    }

    /** @return the network name */
    public String name() {
        return config.name();
    }

    /** @return {@code nerdctlID} (hex SHA-256 of the name when the file has none) */
    public String id() {
        return Fields.str(tree, "nerdctlID").orElseGet(() -> NetworkConfs.id(name()));
    }

    /** @return whether nerdctl or cni4j made this file (it has a {@code nerdctlID}) */
    public boolean isManaged() {
        return tree.has("nerdctlID");
    }

    /** @return {@code nerdctlLabels} */
    public Map<String, String> labels() {
        return stringMap(tree.path("nerdctlLabels"));
    }

    /** @return the Docker/nerdctl options the network was created with */
    public Map<String, String> options() {
        return stringMap(tree.path(NetworkConfs.OPTIONS_KEY));
    }

    /** @return the type of the first plugin ({@code bridge}, {@code macvlan}, ...) */
    public String driver() {
        return config.plugins().isEmpty() ? "" : config.plugins().get(0).type();
    }

    /** @return the plugin types in chain order */
    public List<String> plugins() {
        return config.plugins().stream().map(PluginConfig::type).toList();
    }

    /** @return every IPAM subnet of every plugin ({@code ranges} and the legacy {@code subnet} key) */
    public List<String> subnets() {
        return ranges().stream().map(r -> r.path("subnet").asText()).toList();
    }

    /** @return the gateways given in the IPAM ranges */
    public List<String> gateways() {
        return ranges().stream().flatMap(r -> Fields.str(r, "gateway").stream()).toList();
    }

    /** @return the bridge device of the bridge plugin ({@code cni0} when the key is absent), if there is one */
    public Optional<String> bridge() {
        for (JsonNode p : tree.path("plugins")) {
            if ("bridge".equals(p.path("type").asText())) {
                return Optional.of(Fields.str(p, "bridge").orElse("cni0"));
            }
        }
        return Optional.empty();
    }

    /**
     * The spec this network would be created from again: driver, subnets, gateway, IP range, bridge, masquerading,
     * ICC, MTU, parent, mode, labels and the recorded Docker options, read back from the file.
     *
     * @return the spec, or empty for files whose driver or values {@link NetworkSpec} cannot express
     */
    public Optional<NetworkSpec> spec() {
        return SpecReader.read(this, tree);
    }

    /** @return the file the network is stored in */
    public Path file() {
        return file;
    }

    /** @return the loaded conflist */
    public NetworkConfigList config() {
        return config;
    }

    /** @return container ID to the addresses the cached results give it */
    public Map<String, List<String>> containers() {
        return containers;
    }

    /** Every range object of every plugin's IPAM, legacy flat keys as a one-range object. */
    List<JsonNode> ranges() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : tree.path("plugins")) {
            JsonNode ipam = p.path("ipam");
            if (ipam.has("subnet")) {
                out.add(ipam);
            }
            for (JsonNode set : ipam.path("ranges")) {
                set.forEach(out::add);
            }
        }
        return out;
    }

    /** {@return this network as one {@code docker network inspect} element (nerdctl's dockercompat), indented by 2} */
    public byte[] toDockerJson() {
        ObjectNode o = Fields.MAPPER.createObjectNode();
        o.put("Name", name());
        o.put("Id", id());
        o.put("Driver", driver());
        ObjectNode ipam = o.putObject("IPAM");
        ipam.put("Driver", ranges().isEmpty() ? "" : "host-local");
        ArrayNode cfgs = ipam.putArray("Config");
        for (JsonNode r : ranges()) {
            ObjectNode c = cfgs.addObject();
            c.put("Subnet", r.path("subnet").asText());
            Fields.str(r, "gateway").ifPresent(g -> c.put("Gateway", g));
            Fields.str(r, "ipRange").ifPresent(g -> c.put("IPRange", g));
        }
        ObjectNode ctrs = o.putObject("Containers");
        containers.forEach((id, ips) -> {
            ObjectNode c = ctrs.putObject(id);
            ips.stream().filter(ip -> !ip.contains(":")).findFirst().ifPresent(ip -> c.put("IPv4Address", ip));
            ips.stream().filter(ip -> ip.contains(":")).findFirst().ifPresent(ip -> c.put("IPv6Address", ip));
        });
        ObjectNode opts = o.putObject("Options");
        options().forEach(opts::put);
        ObjectNode labels = o.putObject("Labels");
        labels().forEach(labels::put);
        o.put("File", file.toString());
        return GoIndent.encode(o);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "NetworkInfo[name=" + name() + ", driver=" + driver() + ", subnets=" + subnets() + ", file=" + file
                + "]";
    }
}
