package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.util.List;

/**
 * The libcni operations the facade needs, one network list at a time. The production implementation
 * ({@link InvokerOps}) runs the real invoker; unit tests plug in scripted fakes to exercise rollback and ordering.
 * Implementations must be thread-safe.
 */
public interface NetworkOps {

    /** ADD of a whole list; returns the final result. */
    Result add(NetworkConfigList net, RuntimeConf rt);

    /** CHECK of a whole list against the cached result. */
    void check(NetworkConfigList net, RuntimeConf rt);

    /** DEL of a whole list (reverse plugin order, cached result as prevResult when there is one). */
    void del(NetworkConfigList net, RuntimeConf rt);

    /** STATUS of a list. */
    void status(NetworkConfigList net);

    /** GC of a list: every cached attachment of this network not in {@code stillValid} is deleted. */
    void gc(NetworkConfigList net, List<GcAttachment> stillValid);

    /** Lists cached attachments.
     * @param containerId a container ID, or {@code ""} for every container
     * @return the attachments found in the cache */
    List<CachedAttachment> cachedAttachments(String containerId);
}
