package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One overlay network's definition as stored in the cluster store: the whole overlay range, the per-host subnet
 * size, the VXLAN id, an optional MTU (default: underlay MTU - 50), whether it is internal, and labels.
 *
 * <pre>{@code
 * OverlayNetwork web = OverlayNetwork.of("web", "10.200.0.0/16", 4097);
 * OverlayNetwork small = web.withHostPrefix(26).withMtu(1400).withInternal(true);
 * }</pre>
 *
 * @param name the network name
 * @param subnet the whole overlay range, e.g. {@code 10.200.0.0/16}
 * @param hostPrefix the prefix length of each host's subnet (24 by default)
 * @param vni the VXLAN network identifier, 1..16777215
 * @param mtu the MTU, or empty for the underlay MTU - 50
 * @param internal true if containers get no default route and no masquerading
 * @param labels free-form labels
 * @param created the creation time (ISO-8601), empty before the store accepted it
 */
public record OverlayNetwork(String name, String subnet, int hostPrefix, int vni, OptionalInt mtu, boolean internal,
        Map<String, String> labels, Optional<String> created) {

    /** Validates the fields and copies the labels. */
    public OverlayNetwork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(mtu, "mtu");
        Objects.requireNonNull(created, "created");
        if (name.isEmpty() || name.contains("/")) {
            throw new CniException(UNKNOWN, "overlay network name '" + name + "' must be non-empty and have no '/'");
        }
        if (vni < 1 || vni > 16777215) {
            throw new CniException(UNKNOWN, "VXLAN id " + vni + " of network " + name + " is outside 1..16777215");
        }
        subnet = SubnetPlan.of(subnet, hostPrefix).range();
        labels = Map.copyOf(labels);
    }

    /**
     * A network with /24 host subnets, the default MTU, not internal, no labels.
     *
     * @param name the network name
     * @param subnet the overlay range
     * @param vni the VXLAN id
     * @return the definition
     */
    public static OverlayNetwork of(String name, String subnet, int vni) {
        return new OverlayNetwork(name, subnet, 24, vni, OptionalInt.empty(), false, Map.of(), Optional.empty());
    }

    /**
     * This definition with another host subnet prefix length.
     *
     * @param prefix the prefix length
     * @return a copy
     */
    public OverlayNetwork withHostPrefix(int prefix) {
        return new OverlayNetwork(name, subnet, prefix, vni, mtu, internal, labels, created);
    }

    /**
     * This definition with a fixed MTU.
     *
     * @param value the MTU
     * @return a copy
     */
    public OverlayNetwork withMtu(int value) {
        return new OverlayNetwork(name, subnet, hostPrefix, vni, OptionalInt.of(value), internal, labels, created);
    }

    /**
     * This definition, internal or not.
     *
     * @param value true for internal
     * @return a copy
     */
    public OverlayNetwork withInternal(boolean value) {
        return new OverlayNetwork(name, subnet, hostPrefix, vni, mtu, value, labels, created);
    }

    /**
     * This definition with labels.
     *
     * @param value the labels
     * @return a copy
     */
    public OverlayNetwork withLabels(Map<String, String> value) {
        return new OverlayNetwork(name, subnet, hostPrefix, vni, mtu, internal, value, created);
    }

    /**
     * The subnet plan of this network.
     *
     * @return the range cut into host subnets
     */
    public SubnetPlan plan() {
        return SubnetPlan.of(subnet, hostPrefix);
    }

    String toJson(String createdAt) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("subnet", subnet);
        f.put("hostPrefix", Integer.toString(hostPrefix));
        f.put("vni", Integer.toString(vni));
        mtu.ifPresent(m -> f.put("mtu", Integer.toString(m)));
        f.put("internal", Boolean.toString(internal));
        new TreeMap<>(labels).forEach((k, v) -> f.put("label." + k, v));
        f.put("created", createdAt);
        return Json.write(f);
    }

    static OverlayNetwork fromJson(String json) {
        Map<String, String> f = Json.read(json);
        Map<String, String> labels = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("label.")) {
                labels.put(k.substring(6), v);
            }
        });
        try {
            return new OverlayNetwork(f.get("name"), f.get("subnet"), Integer.parseInt(f.getOrDefault("hostPrefix", "24")),
                    Integer.parseInt(f.get("vni")),
                    f.containsKey("mtu") ? OptionalInt.of(Integer.parseInt(f.get("mtu"))) : OptionalInt.empty(),
                    Boolean.parseBoolean(f.get("internal")), labels, Optional.ofNullable(f.get("created")));
        } catch (NumberFormatException | NullPointerException e) {
            throw new CniException(UNKNOWN, "bad overlay network definition in the cluster store: " + json);
        }
    }
}
