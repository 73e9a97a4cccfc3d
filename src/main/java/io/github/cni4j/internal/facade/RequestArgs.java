package io.github.cni4j.internal.facade;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.json.JsonValues;
import io.github.cni4j.invoke.RuntimeConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checks and conversions behind {@code AttachRequest}'s setters. Capability arguments are kept as the plain
 * values {@link RuntimeConf} carries; JSON input becomes such values once, here.
 */
public final class RequestArgs {

    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    private RequestArgs() {
    }

    /** JSON text as a plain value, {@code null} for JSON null. */
    public static Object json(byte[] bytes, String what) {
        return JsonValues.fromTree(CapabilityJson.read(bytes, what));
    }

    /** Appends to an array-valued capability ({@code portMappings}, {@code ipRanges}). */
    public static void append(Map<String, Object> capabilities, String capability, Object element) {
        List<Object> list = new ArrayList<>(capabilities.get(capability) instanceof List<?> l ? l : List.of());
        list.add(element);
        capabilities.put(capability, list);
    }

    /** A MAC address as six colon-separated hex bytes. */
    public static String checkMac(String mac) {
        if (!MAC.matcher(Objects.requireNonNull(mac, "mac")).matches()) {
            throw new IllegalArgumentException("mac must look like c2:11:22:33:44:55, not \"" + mac + "\"");
        }
        return mac;
    }

    /** Addresses or CIDRs, copied. */
    public static List<String> checkIps(List<String> ips) {
        for (String ip : ips) {
            if (!Cidr.isIpOrCidr(Objects.requireNonNull(ip, "ip"))) {
                throw new IllegalArgumentException("ips entries must be IP addresses or CIDRs, not \"" + ip + "\"");
            }
        }
        return List.copyOf(ips);
    }

    /** The per-network parameters: each network's own interface name (empty when not given) and capabilities.
     * @param ifNames interface names by network
     * @param capabilities capability arguments by network
     * @return the parameters by network, in the order first named */
    public static Map<String, RuntimeConf> perNetwork(Map<String, String> ifNames,
                                                      Map<String, Map<String, Object>> capabilities) {
        Map<String, RuntimeConf> own = new LinkedHashMap<>();
        ifNames.forEach((n, ifName) -> own.put(n, RuntimeConf.builder().ifName(ifName).build()));
        capabilities.forEach((n, caps) -> own.put(n, RuntimeConf.builder().ifName(ifNames.getOrDefault(n, ""))
                .capabilityArgs(caps).build()));
        return own;
    }
}
