package io.github.cni4j;

import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.facade.Step;
import io.github.cni4j.result.Result;
import io.github.cni4j.result.IpConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Builds the per-interface view of one network's result from the typed result (0.1.0/0.2.0 results arrive with
 * their {@code ip4}/{@code ip6} as IPs without interface) and rejects results whose IPs point at interfaces that
 * do not exist.
 */
final class AttachmentViews {

    private AttachmentViews() {
    }

    /**
     * A checker for one attach request: validates each result and that no two networks report the same
     * container interface name.
     */
    static BiConsumer<Step, Result> validator() {
        Map<String, String> seen = new HashMap<>();
        return (step, result) -> {
            for (Attachment.Interface i : interfaces(step, result)) {
                String other = seen.putIfAbsent(i.name(), step.name());
                if (other != null) {
                    throw invalid(step, "interface " + i.name() + " was already reported by network \""
                            + other + "\"");
                }
            }
        };
    }

    /** The container-side interfaces of a network's result; throws if an IP names a missing interface. */
    static List<Attachment.Interface> interfaces(Step step, Result result) {
        List<Result.Interface> all = new ArrayList<>(result.interfaces());
        int reported = all.size();
        Map<Result.Interface, List<IpConfig>> ips = new IdentityHashMap<>();   // two equal interfaces stay two
        // The network's own interface: the one named CNI_IFNAME inside the container (the last one reported).
        Result.Interface own = all.stream().filter(i -> i.name().equals(step.ifName()) && !i.sandbox().isEmpty())
                .reduce((first, second) -> second).orElse(null);
        for (IpConfig ip : result.ips()) {
            Optional<Integer> idx = ip.interfaceIndex();
            if (idx.isPresent() && (idx.get() < 0 || idx.get() >= reported)) {
                throw invalid(step, "IP " + ip.address() + " names interface " + idx.get() + ", but the result has "
                        + reported + " interface(s)");
            }
            // No index (IPAM-style or 0.1.0/0.2.0 results): the address is the network's own interface's.
            if (idx.isEmpty() && own == null) {
                own = Result.Interface.builder().name(step.ifName()).sandbox(step.rt().netNs()).build();
                all.add(own);
            }
            ips.computeIfAbsent(idx.isPresent() ? all.get(idx.get()) : own, i -> new ArrayList<>()).add(ip);
        }
        List<Attachment.Interface> out = new ArrayList<>();
        for (Result.Interface i : all) {
            if (!i.sandbox().isEmpty()) {
                out.add(new Attachment.Interface(i.name(), step.name(),
                        i.mac().isEmpty() ? Optional.empty() : Optional.of(i.mac()), i.sandbox(),
                        i.mtu() > 0 ? Optional.of(i.mtu()) : Optional.empty(), ips.getOrDefault(i, List.of()),
                        i == own ? result.routes() : List.of()));
            }
        }
        return out;
    }

    private static PluginException invalid(Step step, String problem) {
        String type = step.net().plugins().isEmpty() ? ""
                : step.net().plugins().get(step.net().plugins().size() - 1).type();
        return new PluginException(6, "invalid result from " + step.describe() + ": " + problem, null, type, "",
                "ADD", 0, 0, "", null);
    }
}
