package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.invoke.RuntimeConf;

/**
 * Builds the one {@link RuntimeConf} that carries a facade call down to the invoker and the cache. The facade has
 * no copy of its own: what the cache recorded at ADD comes back as the same type for DEL, CHECK and GC.
 */
final class Steps {

    private Steps() {
    }

    /** The runtime parameters an attachment was added with, as libcni rebuilds them for DEL and GC. */
    static RuntimeConf runtimeConf(CachedAttachment c) {
        return RuntimeConf.builder().containerId(c.containerId()).netNs(c.netNs()).ifName(c.ifName())
                .args(c.cniArgs()).capabilityArgs(c.capabilityArgs()).build();
    }

    /** The same parameters with another netns path (DEL of a namespace that is gone passes ""). */
    static RuntimeConf withNetNs(RuntimeConf rt, String netNs) {
        return rt.toBuilder().netNs(netNs).build();
    }
}
