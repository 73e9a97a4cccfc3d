package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.util.List;

/** {@link NetworkOps} on the real {@link CniInvoker}. Thread-safe because the invoker is. */
public final class InvokerOps implements NetworkOps {

    private final CniInvoker invoker;

    private InvokerOps(CniInvoker invoker) {
        this.invoker = invoker;
    }

    /** Builds the invoker of these settings. */
    static NetworkOps create(Settings s) {
        CniInvoker.Builder b = CniInvoker.builder().pluginDirs(s.pluginDirs()).cacheDir(s.cacheDir());
        s.timeout().ifPresent(b::timeout);
        s.exec().ifPresent(b::exec);
        s.cacheSync().ifPresent(b::cacheSync);
        return new InvokerOps(b.build());
    }

    @Override
    public Result add(NetworkConfigList net, RuntimeConf rt) {
        return invoker.add(net, rt);
    }

    @Override
    public void check(NetworkConfigList net, RuntimeConf rt) {
        invoker.check(net, rt);
    }

    @Override
    public void del(NetworkConfigList net, RuntimeConf rt) {
        invoker.del(net, rt);
    }

    @Override
    public void status(NetworkConfigList net) {
        invoker.status(net);
    }

    @Override
    public void gc(NetworkConfigList net, List<GcAttachment> stillValid) {
        invoker.gc(net, stillValid);
    }

    @Override
    public List<CachedAttachment> cachedAttachments(String containerId) {
        return invoker.cachedAttachments(containerId);
    }
}
