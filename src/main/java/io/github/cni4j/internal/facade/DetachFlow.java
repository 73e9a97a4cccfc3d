package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.invoke.CachedResults;
import io.github.cni4j.internal.invoke.Failures;
import io.github.cni4j.invoke.RuntimeConf;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes attachments, newest first, tolerating what is already gone.
 *
 * <p>Unlike one network's DEL chain (which stops at the first failing plugin and keeps the cache for a retry), a
 * detach goes on with the other networks when one fails and reports every failure at the end: one broken network
 * must not keep the others' IP reservations alive. A second detach finds nothing cached and only re-runs DELs,
 * which plugins must accept, so detach is idempotent.
 */
public final class DetachFlow {

    private DetachFlow() {
    }

    /**
     * What a container has, in attach order: the loopback and default networks (with the interface the cache
     * recorded, else the one attach would have chosen, if no other cached attachment uses that name), then the
     * other cached attachments (connected networks, sandboxes' named networks), by interface number.
     *
     * @param ops the operations
     * @param snap the networks
     * @param settings the settings
     * @param containerId the container
     * @param netNs its namespace path
     * @return the steps
     */
    public static List<Step> items(NetworkOps ops, Snapshot snap, Settings settings, String containerId,
                                   String netNs) {
        List<CachedAttachment> cached = ops.cachedAttachments(containerId);
        Set<CachedAttachment> used = new HashSet<>();
        List<Step> out = new ArrayList<>();
        List<NetworkConfigList> configured = new ArrayList<>();
        snap.loopback().ifPresent(configured::add);
        configured.addAll(defaultsOrEmpty(snap));
        int index = 0;
        for (NetworkConfigList net : configured) {
            boolean lo = snap.loopback().isPresent() && net == snap.loopback().get();
            String defaultIf = lo ? IfNames.LOOPBACK : settings.prefix() + index++;
            List<CachedAttachment> mine = cached.stream().filter(c -> c.networkName().equals(net.name())).toList();
            // Not cached: maybe an ADD that never finished, so DEL it too (plugins accept DELs of nothing) -- unless
            // another network's cached attachment owns that interface name, whose link a DEL would remove.
            if (mine.isEmpty() && cached.stream().noneMatch(c -> c.ifName().equals(defaultIf))) {
                RuntimeConf call = RuntimeConf.builder().containerId(containerId).netNs(liveNetNs(netNs)).ifName(defaultIf)
                        .build();
                out.add(new Step(net, call));
            }
            for (CachedAttachment c : mine) {
                used.add(c);
                out.add(cachedStep(c, net, netNs));
            }
        }
        cached.stream().filter(c -> !used.contains(c))
                .sorted(Comparator.comparing(CachedAttachment::ifName, DetachFlow::compareIfNames))
                .forEach(c -> out.add(stepOf(c, snap, netNs)));
        return out;
    }

    /**
     * The step that deletes a cached attachment with the configuration it was added with (or, if that cannot be
     * read, the network of the same name).
     *
     * @param c the cache entry
     * @param snap the networks
     * @param netNs the namespace path to pass
     * @return the step
     */
    public static Step stepOf(CachedAttachment c, Snapshot snap, String netNs) {
        return cachedStep(c, snap.configOf(c, snap::lookup), netNs);
    }

    /** The cached parameters with the namespace to pass: the given one, else the recorded one, "" if gone. */
    private static Step cachedStep(CachedAttachment c, NetworkConfigList net, String netNs) {
        String live = liveNetNs(netNs.isEmpty() ? c.netNs() : netNs);
        return new Step(net, CachedResults.runtimeConf(c).toBuilder().netNs(live).build());
    }

    /**
     * Deletes the steps in reverse order, continuing past failures.
     *
     * @param ops the operations
     * @param containerId the container, for messages
     * @param steps the steps in attach order
     * @throws CniException the first failure, naming every network that could not be deleted, the others
     *     suppressed
     */
    public static void delAll(NetworkOps ops, String containerId, List<Step> steps) {
        List<RuntimeException> errors = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            try {
                ops.del(s.net(), s.rt().toBuilder().netNs(liveNetNs(s.rt().netNs())).build());
            } catch (RuntimeException e) {
                errors.add(e);
                failed.add(s.describe());
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        RuntimeException first = errors.get(0);
        if (first instanceof CniException ce) {
            String others = failed.size() > 1 ? "; also could not delete " + String.join(", ",
                    failed.subList(1, failed.size())) + " (see suppressed exceptions)" : "";
            first = Failures.augment(ce, "detaching container \"" + containerId + "\": could not delete "
                    + failed.get(0) + ": ", others);
        }
        throw Failures.withSuppressed(first, errors.subList(1, errors.size()));
    }

    /** A namespace that no longer exists is passed as {@code ""}, which DEL allows. */
    static String liveNetNs(String netNs) {
        if (netNs.isEmpty()) {
            return "";
        }
        try {
            return Files.exists(Path.of(netNs)) ? netNs : "";
        } catch (InvalidPathException e) {
            return "";
        }
    }

    private static List<NetworkConfigList> defaultsOrEmpty(Snapshot snap) {
        try {
            return snap.resolveDefaults();
        } catch (ConfigException e) {
            return snap.defaults(); // a named default that vanished: detach what is cached
        }
    }

    /** Orders {@code eth2} before {@code eth10}: by the part before the trailing number, then by that number. */
    static int compareIfNames(String a, String b) {
        int ia = trailingNumberStart(a);
        int ib = trailingNumberStart(b);
        int c = a.substring(0, ia).compareTo(b.substring(0, ib));
        int digits = Integer.compare(a.length() - ia, b.length() - ib);
        return c != 0 ? c : digits != 0 ? digits : a.substring(ia).compareTo(b.substring(ib));
    }

    private static int trailingNumberStart(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
