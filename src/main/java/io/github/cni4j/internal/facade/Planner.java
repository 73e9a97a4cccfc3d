package io.github.cni4j.internal.facade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.invoke.RuntimeConf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a request into the ordered list of networks to add, each with its interface name and runtime parameters.
 *
 * <p>Interface names: loopback is {@code lo}; the other networks are numbered {@code <prefix>0}, {@code <prefix>1}
 * in order (go-cni numbers a list added after the loopback network {@code eth1}; here loopback does not take a
 * number); a connected network takes the lowest free number in the container.
 */
public final class Planner {

    /** The capabilities the fluent API sets; a custom {@code capability(name, json)} is passed as given. */
    private static final Set<String> FLUENT_CAPABILITIES = Set.of("ips", "portMappings", "bandwidth", "mac",
            "ipRanges", "dns", "cgroupPath");

    private Planner() {
    }

    /**
     * Plans a request.
     *
     * @param spec the request
     * @param snap the networks
     * @param settings the facade settings
     * @param usedIfNames interfaces the container already has (for {@code CONNECT})
     * @return the steps, loopback first
     * @throws ConfigException if a named network is unknown, there are fewer default networks than required, or a
     *     capability argument is given that no plugin of its network(s) enables
     * @throws IllegalArgumentException if per-network options name networks outside the request or interface names
     *     clash
     */
    public static List<Step> plan(RequestSpec spec, Snapshot snap, Settings settings, Collection<String> usedIfNames) {
        List<NetworkConfigList> nets = networks(spec, snap, settings);
        checkOptionTargets(spec, nets);
        checkCapabilities(spec, nets);
        List<Step> steps = new ArrayList<>();
        Set<String> taken = new HashSet<>(usedIfNames);
        boolean withLoopback = spec.target() == RequestSpec.Target.LOOPBACK_ONLY
                || (settings.loopback() && spec.target() != RequestSpec.Target.CONNECT);
        if (withLoopback) {
            NetworkConfigList lo = snap.loopback().orElseGet(SnapshotLoader::loopbackNetwork);
            steps.add(new Step(lo, call(spec, lo.name(), IfNames.LOOPBACK, settings)));
            taken.add(IfNames.LOOPBACK);
        }
        for (int i = 0; i < nets.size(); i++) {
            NetworkConfigList net = nets.get(i);
            String ifName = spec.ifNames().getOrDefault(net.name(), spec.ifName());
            if (ifName.isEmpty()) {
                ifName = spec.target() == RequestSpec.Target.CONNECT
                        ? IfNames.nextFree(settings.prefix(), taken) : IfNames.indexed(settings.prefix(), i);
            }
            if (!taken.add(ifName)) {
                throw new IllegalArgumentException("interface name " + ifName + " for network \"" + net.name()
                        + "\" is already used in container \"" + spec.containerId() + "\"");
            }
            steps.add(new Step(net, call(spec, net.name(), ifName, settings)));
        }
        return List.copyOf(steps);
    }

    private static List<NetworkConfigList> networks(RequestSpec spec, Snapshot snap, Settings settings) {
        switch (spec.target()) {
            case DEFAULTS: {
                List<NetworkConfigList> d = snap.resolveDefaults();
                requireEnough(d, snap, settings);
                return d;
            }
            case LOOPBACK_ONLY:
                return List.of();
            default: {
                List<NetworkConfigList> out = new ArrayList<>();
                for (String n : spec.networks()) {
                    out.add(snap.lookup(n));
                }
                return out;
            }
        }
    }

    /**
     * Fails like go-cni's {@code cni plugin not initialized} when there are fewer default networks than required.
     *
     * @param defaults the default networks (without loopback)
     * @param snap the snapshot, for the directory name
     * @param settings the settings
     * @throws ConfigException when there are too few
     */
    public static void requireEnough(List<NetworkConfigList> defaults, Snapshot snap, Settings settings) {
        if (defaults.size() < settings.minNetworks()) {
            throw new ConfigException(7, "cni plugin not initialized: need at least " + settings.minNetworks()
                    + " network(s) but found " + defaults.size() + " in " + snap.confDir(),
                    snap.confDir().toString(), 0, 0, null, null);
        }
    }

    private static void checkOptionTargets(RequestSpec spec, List<NetworkConfigList> nets) {
        Set<String> names = new HashSet<>();
        nets.forEach(n -> names.add(n.name()));
        for (String n : spec.perNetwork().keySet()) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException("options for network \"" + n + "\", which this request does not "
                        + "attach (it attaches " + names + ")");
            }
        }
        for (String n : spec.ifNames().keySet()) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException("interface name for network \"" + n + "\", which this request "
                        + "does not attach (it attaches " + names + ")");
            }
        }
        if (!spec.ifName().isEmpty() && nets.size() != 1) {
            throw new IllegalArgumentException("ifName(\"" + spec.ifName() + "\") needs a request for exactly one "
                    + "network, but this one attaches " + names + "; use ifName(network, name)");
        }
    }

    /**
     * libcni silently drops a capability argument no plugin of the network enables, so {@code ips("10.0.0.5/24")}
     * would succeed with another address. A shared argument needs one network of the request that enables it; a
     * per-network one needs that network.
     */
    private static void checkCapabilities(RequestSpec spec, List<NetworkConfigList> nets) {
        spec.capabilities().fieldNames().forEachRemaining(cap -> {
            if (FLUENT_CAPABILITIES.contains(cap) && !nets.isEmpty() && nets.stream().noneMatch(n -> enables(n, cap))) {
                throw capabilityMissing(nets, cap);
            }
        });
        spec.perNetwork().forEach((network, caps) -> caps.fieldNames().forEachRemaining(cap -> {
            nets.stream().filter(n -> n.name().equals(network) && FLUENT_CAPABILITIES.contains(cap)
                    && !enables(n, cap)).findFirst().ifPresent(n -> {
                        throw capabilityMissing(List.of(n), cap);
                    });
        }));
    }

    private static boolean enables(NetworkConfigList net, String capability) {
        return net.plugins().stream().anyMatch(p -> Boolean.TRUE.equals(p.capabilities().get(capability)));
    }

    private static ConfigException capabilityMissing(List<NetworkConfigList> nets, String capability) {
        List<String> names = nets.stream().map(n -> "\"" + n.name() + "\"").toList();
        return new ConfigException(7, (names.size() == 1 ? "network " + names.get(0) + " does not enable" : "none of the networks "
                + String.join(", ", names) + " enables") + " the capability \"" + capability + "\" (no plugin has "
                + "\"capabilities\": {\"" + capability + "\": true}), so its plugins would never see the "
                + capability + " asked for", null, 0, 0, null, null);
    }

    private static RuntimeConf call(RequestSpec spec, String network, String ifName, Settings settings) {
        ObjectNode caps = spec.capabilities().deepCopy();
        ObjectNode own = spec.perNetwork().get(network);
        if (own != null) {
            caps.setAll(own);
        }
        applyDefaultHostIp(caps, settings);
        return Steps.runtimeConf(spec.containerId(), spec.netNs(), ifName, spec.args().toPairs(), caps);
    }

    /** Docker's {@code host_binding_ipv4}: port mappings without a host IP bind to the configured default. */
    private static void applyDefaultHostIp(ObjectNode caps, Settings settings) {
        JsonNode pms = caps.get("portMappings");
        if (pms == null || !pms.isArray() || settings.hostIp().isEmpty()) {
            return;
        }
        for (JsonNode pm : pms) {
            if (pm instanceof ObjectNode o && (!o.hasNonNull("hostIP") || o.get("hostIP").asText().isEmpty())) {
                o.put("hostIP", settings.hostIp().get());
            }
        }
    }

    /** Interface names of a container's cached attachments. */
    public static Set<String> ifNamesOf(List<CachedAttachment> cached) {
        Set<String> out = new HashSet<>();
        cached.forEach(c -> out.add(c.ifName()));
        return out;
    }
}
