package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.invoke.Failures;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Garbage collection across networks: every configured network and every network that has cache entries is
 * collected once, with the attachments of the still-valid containers as the keep list. Errors do not stop the
 * other networks; they are all reported.
 */
final class GcFlow {

    private GcFlow() {
    }

    static void run(NetworkOps ops, Snapshot snap, Set<String> validContainerIds) {
        List<CachedAttachment> all = ops.cachedAttachments("");
        Map<String, NetworkConfigList> nets = new LinkedHashMap<>();
        snap.loopback().ifPresent(n -> nets.put(n.name(), n));
        for (NetworkConfigList n : snap.defaults()) {
            nets.putIfAbsent(n.name(), n);
        }
        for (CachedAttachment c : all) {
            if (!nets.containsKey(c.networkName())) {
                NetworkConfigList n = snap.configOf(c, snap.byName()::get);
                if (n != null) {   // null: unreadable and unknown, nothing can be collected for it
                    nets.put(n.name(), n);
                }
            }
        }
        List<RuntimeException> errors = new ArrayList<>();
        for (NetworkConfigList net : nets.values()) {
            List<GcAttachment> keep = new ArrayList<>();
            for (CachedAttachment c : all) {
                if (c.networkName().equals(net.name()) && validContainerIds.contains(c.containerId())) {
                    keep.add(new GcAttachment(c.containerId(), c.ifName()));
                }
            }
            try {
                ops.gc(net, keep);
            } catch (CniException e) {
                errors.add(Failures.augment(e, "garbage collection of network \"" + net.name() + "\" failed: ", ""));
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw Failures.withSuppressed(errors.get(0), errors.subList(1, errors.size()));
        }
    }
}
