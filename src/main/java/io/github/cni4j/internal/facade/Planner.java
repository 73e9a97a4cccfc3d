package io.github.cni4j.internal.facade;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.invoke.RuntimeConf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request into the ordered list of networks to add, each with its interface name and runtime parameters.
 *
 * <p>Interface names: loopback is {@code lo}; the other networks are numbered {@code <prefix>0}, {@code <prefix>1}
 * in order (go-cni numbers a list added after the loopback network {@code eth1}; here loopback does not take a
 * number); a connected network takes the lowest free number in the container.
 */
public final class Planner {

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

    /** The capabilities the fluent API sets; a custom {@code capability(name, json)} is passed as given. */
    private static final Set<String> FLUENT_CAPABILITIES = Set.of("ips", "portMappings", "bandwidth", "mac",
            "ipRanges", "dns", "cgroupPath");

    private Planner() {
    }

    /**
     * Plans a request.
     *
     * @param target which networks
     * @param names the network names of {@link Target#NETWORKS} and {@link Target#CONNECT}
     * @param base the parameters every network shares (its {@code ifName} is that of a single-network request)
     * @param own per-network interface names (empty: none given) and capability arguments, by network name
     * @param snap the networks
     * @param settings the facade settings
     * @param usedIfNames interfaces the container already has (for {@code CONNECT})
     * @return the steps, loopback first
     * @throws ConfigException if a named network is unknown, there are fewer default networks than required, or a
     *     capability argument is given that no plugin of its network(s) enables
     * @throws IllegalArgumentException if per-network options name networks outside the request or interface names
     *     clash
     */
    public static List<Step> plan(Target target, List<String> names, RuntimeConf base, Map<String, RuntimeConf> own,
                                  Snapshot snap, Settings settings, Collection<String> usedIfNames) {
        List<NetworkConfigList> nets = networks(target, names, snap, settings);
        checkOptionTargets(base, own, nets);
        checkCapabilities(base, own, nets);
        List<Step> steps = new ArrayList<>();
        Set<String> taken = new HashSet<>(usedIfNames);
        if (target == Target.LOOPBACK_ONLY || (settings.loopback() && target != Target.CONNECT)) {
            NetworkConfigList lo = snap.loopback().orElseGet(SnapshotLoader::loopbackNetwork);
            steps.add(new Step(lo, conf(base, null, IfNames.LOOPBACK, settings)));
            taken.add(IfNames.LOOPBACK);
        }
        for (int i = 0; i < nets.size(); i++) {
            NetworkConfigList net = nets.get(i);
            RuntimeConf mine = own.get(net.name());
            String ifName = mine != null && !mine.ifName().isEmpty() ? mine.ifName() : base.ifName();
            if (ifName.isEmpty()) {
                ifName = target == Target.CONNECT ? IfNames.nextFree(settings.prefix(), taken)
                        : settings.prefix() + i;
            }
            if (!taken.add(ifName)) {
                throw new IllegalArgumentException("interface name " + ifName + " for network \"" + net.name()
                        + "\" is already used in container \"" + base.containerId() + "\"");
            }
            steps.add(new Step(net, conf(base, mine, ifName, settings)));
        }
        return List.copyOf(steps);
    }

    private static List<NetworkConfigList> networks(Target target, List<String> names, Snapshot snap,
                                                    Settings settings) {
        if (target == Target.DEFAULTS) {
            List<NetworkConfigList> d = snap.resolveDefaults();
            requireEnough(d, snap, settings);
            return d;
        }
        return target == Target.LOOPBACK_ONLY ? List.of() : names.stream().map(snap::lookup).toList();
    }

    /** Fails like go-cni's {@code cni plugin not initialized} when there are fewer default networks than required.
     * @param defaults the default networks (without loopback)
     * @param snap the snapshot, for the directory name
     * @param settings the settings
     * @throws ConfigException when there are too few */
    public static void requireEnough(List<NetworkConfigList> defaults, Snapshot snap, Settings settings) {
        if (defaults.size() < settings.minNetworks()) {
            throw new ConfigException(7, "cni plugin not initialized: need at least " + settings.minNetworks()
                    + " network(s) but found " + defaults.size() + " in " + snap.confDir(),
                    snap.confDir().toString(), 0, 0, null, null);
        }
    }

    private static void checkOptionTargets(RuntimeConf base, Map<String, RuntimeConf> own,
                                           List<NetworkConfigList> nets) {
        List<String> names = nets.stream().map(NetworkConfigList::name).toList();
        own.forEach((n, conf) -> {
            if (!names.contains(n)) {
                throw new IllegalArgumentException((conf.capabilityArgs().isEmpty() ? "interface name" : "options")
                        + " for network \"" + n + "\", which this request does not attach (it attaches " + names
                        + ")");
            }
        });
        if (!base.ifName().isEmpty() && nets.size() != 1) {
            throw new IllegalArgumentException("ifName(\"" + base.ifName() + "\") needs a request for exactly one "
                    + "network, but this one attaches " + names + "; use ifName(network, name)");
        }
    }

    /**
     * libcni silently drops a capability argument no plugin of the network enables, so {@code ips("10.0.0.5/24")}
     * would succeed with another address. A shared argument needs one network of the request that enables it; a
     * per-network one needs that network.
     */
    private static void checkCapabilities(RuntimeConf base, Map<String, RuntimeConf> own,
                                          List<NetworkConfigList> nets) {
        requireEnabled(base.capabilityArgs(), nets);
        nets.stream().filter(n -> own.containsKey(n.name()))
                .forEach(n -> requireEnabled(own.get(n.name()).capabilityArgs(), List.of(n)));
    }

    private static void requireEnabled(Map<String, Object> capabilityArgs, List<NetworkConfigList> nets) {
        for (String cap : capabilityArgs.keySet()) {
            if (FLUENT_CAPABILITIES.contains(cap) && !nets.isEmpty() && nets.stream().noneMatch(n -> enables(n, cap))) {
                throw capabilityMissing(nets, cap);
            }
        }
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

    /**
     * One network's parameters: the shared ones, its own capability arguments over them, and Docker's
     * {@code host_binding_ipv4} (port mappings without a host IP bind to the configured default).
     */
    private static RuntimeConf conf(RuntimeConf base, RuntimeConf mine, String ifName, Settings settings) {
        Map<String, Object> caps = new LinkedHashMap<>(base.capabilityArgs());
        if (mine != null) {
            caps.putAll(mine.capabilityArgs());
        }
        if (caps.get("portMappings") instanceof List<?> pms && settings.defaultHostIp().isPresent()) {
            caps.put("portMappings", pms.stream().map(pm -> withHostIp(pm, settings.defaultHostIp().get())).toList());
        }
        return base.toBuilder().ifName(ifName).capabilityArgs(caps).build();
    }

    private static Object withHostIp(Object pm, String hostIp) {
        if (pm instanceof Map<?, ?> m && (!(m.get("hostIP") instanceof String s) || s.isEmpty())) {
            Map<Object, Object> filled = new LinkedHashMap<>(m);
            filled.put("hostIP", hostIp);
            return filled;
        }
        return pm;
    }

}
