package io.github.cni4j.internal.lint;

import io.github.cni4j.version.CniVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the linter knows about the reference plugins (containernetworking/plugins): their fields and types, the
 * capabilities they consume, their role in a chain, the versions they accept and the values they allow.
 *
 * <p>Each plugin is one line of data below; field lists read {@code name:type} with types {@code s} string,
 * {@code b} boolean, {@code i} integer, {@code o} object, {@code a} array, {@code *} anything. Immutable.
 */
public final class PluginKnowledge {

    /** Where a plugin sits in a chain. */
    public enum Role {
        /** Creates the container interface (bridge, ptp, macvlan, ...). */
        MAIN,
        /** Hands out addresses, runs as the {@code ipam} of a main plugin. */
        IPAM,
        /** Works on the previous result (portmap, bandwidth, firewall, ...). */
        CHAINED
    }

    /** The JSON type a field must have. */
    public enum FieldType { STRING, BOOLEAN, INTEGER, OBJECT, ARRAY, ANY }

    /**
     * One reference plugin.
     *
     * @param type the binary name
     * @param role its role
     * @param minVersion the oldest spec version it accepts
     * @param capabilities the capabilities it consumes
     * @param fields its own fields (common keys excluded)
     * @param required fields it cannot work without ({@code a|b} means one of them)
     * @param allowed values allowed for enumerated string fields
     */
    public record Plugin(String type, Role role, CniVersion minVersion, Set<String> capabilities,
                         Map<String, FieldType> fields, List<String> required, Map<String, Set<String>> allowed) {
    }

    /** Keys every plugin object may carry (spec well-known and runtime-generated keys). */
    public static final Map<String, FieldType> COMMON = fields(
            "type:s name:s cniVersion:s capabilities:o ipam:o dns:o runtimeConfig:o args:o prevResult:o ipMasq:b");

    /** Keys a {@code .conflist} may have at the top level. */
    public static final Map<String, FieldType> LIST_KEYS = fields(
            "cniVersion:s cniVersions:a name:s disableCheck:* disableGC:* loadOnlyInlinedPlugins:* plugins:a");

    /** Keys written by the runtime, not by people. */
    public static final Set<String> RESERVED = Set.of("runtimeConfig", "args", "prevResult");

    private static final Map<String, Plugin> PLUGINS = new LinkedHashMap<>();
    private static final Map<String, Map<String, FieldType>> WITH_COMMON = new LinkedHashMap<>();

    static {
        main("bridge", "mac", "bridge:s isGateway:b isDefaultGateway:b forceAddress:b ipMasqBackend:s mtu:i "
                + "hairpinMode:b promiscMode:b vlan:i vlanTrunk:a preserveDefaultVlan:b macspoofchk:b enabledad:b "
                + "disableContainerInterface:b portIsolation:b", "", Map.of("ipMasqBackend", Set.of("iptables",
                "nftables")));
        main("ptp", "", "ipMasqBackend:s mtu:i", "ipam", Map.of("ipMasqBackend", Set.of("iptables", "nftables")));
        main("macvlan", "mac", "master:s mode:s mtu:i mac:s linkInContainer:b bcqueuelen:i", "",
                Map.of("mode", Set.of("bridge", "private", "vepa", "passthru")));
        main("ipvlan", "", "master:s mode:s mtu:i linkInContainer:b", "", Map.of("mode", Set.of("l2", "l3", "l3s")));
        main("vlan", "", "master:s vlanId:i mtu:i linkInContainer:b", "master", Map.of());
        main("host-device", "deviceID", "device:s hwaddr:s kernelpath:s pciBusID:s", "device|hwaddr|kernelpath|pciBusID",
                Map.of());
        main("loopback", "", "", "", Map.of());
        add("host-local", Role.IPAM, CniVersion.V0_1_0, "ipRanges ips",
                "ranges:a routes:a dataDir:s resolvConf:s subnet:s rangeStart:s rangeEnd:s gateway:s", "", Map.of());
        add("static", Role.IPAM, CniVersion.V0_1_0, "ips", "addresses:a routes:a", "", Map.of());
        add("dhcp", Role.IPAM, CniVersion.V0_1_0, "", "daemonSocketPath:s request:a provide:a priority:i", "",
                Map.of());
        chained("portmap", CniVersion.V0_1_0, "portMappings",
                "snat:b markMasqBit:i externalSetMarkChain:s conditionsV4:a conditionsV6:a masqAll:b backend:s", "",
                Map.of("backend", Set.of("iptables", "nftables")));
        chained("firewall", CniVersion.V0_4_0, "", "backend:s iptablesAdminChainName:s firewalldZone:s "
                + "ingressPolicy:s", "", Map.of("backend", Set.of("iptables", "firewalld", ""),
                "ingressPolicy", Set.of("open", "same-bridge", "isolated")));
        chained("tuning", CniVersion.V0_1_0, "mac", "sysctl:o mac:s promisc:b mtu:i txQLen:i allmulti:b dataDir:s",
                "", Map.of());
        chained("bandwidth", CniVersion.V0_3_0, "bandwidth",
                "ingressRate:i ingressBurst:i egressRate:i egressBurst:i", "", Map.of());
        chained("sbr", CniVersion.V0_1_0, "", "table:i gateways:* addSourceHints:b", "", Map.of());
        chained("vrf", CniVersion.V0_3_1, "", "vrfname:s table:i", "vrfname", Map.of());
        for (Plugin p : PLUGINS.values()) {
            Map<String, FieldType> all = new LinkedHashMap<>(COMMON);
            all.putAll(p.fields());
            WITH_COMMON.put(p.type(), Map.copyOf(all));
        }
    }

    private PluginKnowledge() {
    }

    /** {@return what is known about a plugin type, if it is a reference plugin} */
    public static Optional<Plugin> plugin(String type) {
        return Optional.ofNullable(PLUGINS.get(type));
    }

    /** @return the reference plugin types, in a fixed order */
    public static List<String> types() {
        return List.copyOf(PLUGINS.keySet());
    }

    /** {@return whether some plugin object (any reference plugin, or the common keys) has this key} */
    public static boolean isPluginField(String key) {
        return WITH_COMMON.values().stream().anyMatch(m -> m.containsKey(key));
    }

    /** {@return a known plugin's own fields and the keys every plugin may carry} */
    public static Map<String, FieldType> allFields(Plugin plugin) {
        return WITH_COMMON.get(plugin.type());
    }

    /** {@return field name to type, parsed from a field list in this class's notation, e.g. {@code "dst:s gw:s"}} */
    public static Map<String, FieldType> fieldsOf(String spec) {
        return fields(spec);
    }

    private static void main(String type, String caps, String fields, String required,
                             Map<String, Set<String>> allowed) {
        add(type, Role.MAIN, CniVersion.V0_1_0, caps, fields, required, allowed);
    }

    private static void chained(String type, CniVersion min, String caps, String fields, String required,
                                Map<String, Set<String>> allowed) {
        add(type, Role.CHAINED, min, caps, fields, required, allowed);
    }

    private static void add(String type, Role role, CniVersion min, String caps, String fields, String required,
                            Map<String, Set<String>> allowed) {
        PLUGINS.put(type, new Plugin(type, role, min, Set.of(words(caps)), fields(fields),
                List.of(words(required)), allowed));
    }

    private static String[] words(String s) {
        return s.isBlank() ? new String[0] : s.trim().split("\\s+");
    }

    private static Map<String, FieldType> fields(String spec) {
        Map<String, FieldType> m = new LinkedHashMap<>();
        for (String w : words(spec)) {
            int colon = w.indexOf(':');
            m.put(w.substring(0, colon), type(w.charAt(colon + 1)));
        }
        return Map.copyOf(m);
    }

    private static FieldType type(char c) {
        switch (c) {
            case 's': return FieldType.STRING;
            case 'b': return FieldType.BOOLEAN;
            case 'i': return FieldType.INTEGER;
            case 'o': return FieldType.OBJECT;
            case 'a': return FieldType.ARRAY;
            default: return FieldType.ANY;
        }
    }
}
