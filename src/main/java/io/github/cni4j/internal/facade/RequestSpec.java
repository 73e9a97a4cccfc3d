package io.github.cni4j.internal.facade;

import io.github.cni4j.internal.json.CapabilityJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mutable state behind one {@code AttachRequest}: which networks, which interface names, which capability
 * arguments (shared and per network) and which CNI_ARGS. Not thread-safe; one request belongs to one caller.
 */
public final class RequestSpec {

    /** Which networks a request attaches. */
    public enum Target {
        /** The default networks (and loopback when enabled): {@code Cni.attach}. */
        DEFAULTS,
        /** Named networks (and loopback when enabled): network-mode sandboxes. */
        NETWORKS,
        /** One more network on the next free interface: {@code Cni.connect}. */
        CONNECT,
        /** Only the loopback network: the {@code none} mode. */
        LOOPBACK_ONLY
    }

    private final String containerId;
    private final String netNs;
    private final Target target;
    private final List<String> networks;
    private final ObjectNode capabilities = CapabilityJson.object();
    private final Map<String, ObjectNode> perNetwork = new LinkedHashMap<>();
    private final Map<String, String> ifNames = new LinkedHashMap<>();
    private final CniArgs args = new CniArgs();
    private String ifName = "";

    /**
     * Creates the state of a new request.
     *
     * @param containerId the container
     * @param netNs the namespace path
     * @param target which networks
     * @param networks the network names for {@link Target#NETWORKS} and {@link Target#CONNECT}
     */
    public RequestSpec(String containerId, String netNs, Target target, List<String> networks) {
        this.containerId = Objects.requireNonNull(containerId, "containerId");
        this.netNs = Objects.requireNonNull(netNs, "netNs");
        this.target = target;
        this.networks = List.copyOf(networks);
    }

    /** Sets a capability argument for every network. */
    public void capability(String name, JsonNode value) {
        capabilities.set(name, value);
    }

    /** Appends to an array-valued capability for every network ({@code portMappings}, {@code ipRanges}). */
    public void appendCapability(String name, JsonNode element) {
        JsonNode cur = capabilities.get(name);
        ArrayNode arr = cur instanceof ArrayNode a ? a : capabilities.putArray(name);
        arr.add(element);
    }

    /** Sets a capability argument for one network only; it wins over the shared one. */
    public void capability(String network, String name, JsonNode value) {
        perNetwork.computeIfAbsent(network, n -> CapabilityJson.object()).set(name, value);
    }

    /** Sets the interface name of the request's only network. */
    public void ifName(String name) {
        this.ifName = name;
    }

    /** Sets the interface name of one network. */
    public void ifName(String network, String name) {
        ifNames.put(network, name);
    }

    /** The CNI_ARGS collected so far. */
    public CniArgs args() {
        return args;
    }

    /** The container. */
    public String containerId() {
        return containerId;
    }

    /** The namespace path. */
    public String netNs() {
        return netNs;
    }

    /** Which networks. */
    public Target target() {
        return target;
    }

    /** Named networks of the request. */
    public List<String> networks() {
        return networks;
    }

    /** Shared capability arguments (live). */
    public ObjectNode capabilities() {
        return capabilities;
    }

    /** Per-network capability arguments (live). */
    public Map<String, ObjectNode> perNetwork() {
        return perNetwork;
    }

    /** Per-network interface names (live). */
    public Map<String, String> ifNames() {
        return ifNames;
    }

    /** The single-network interface name, or {@code ""}. */
    public String ifName() {
        return ifName;
    }
}
