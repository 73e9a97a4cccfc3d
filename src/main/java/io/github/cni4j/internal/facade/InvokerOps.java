package io.github.cni4j.internal.facade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.invoke.JsonValues;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.GcArgs;
import io.github.cni4j.invoke.GcAttachment;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link NetworkOps} on the real {@link CniInvoker}. Thread-safe because the invoker is. */
public final class InvokerOps implements NetworkOps {

    private final CniInvoker invoker;

    private InvokerOps(CniInvoker invoker) {
        this.invoker = invoker;
    }

    /**
     * Builds the invoker.
     *
     * @param pluginDirs the plugin directories
     * @param cacheDir the cache directory
     * @param timeout the plugin timeout, or {@code null} for the invoker's default
     * @param exec the executor, or {@code null} for the invoker's default
     * @return the operations
     */
    public static NetworkOps create(List<Path> pluginDirs, Path cacheDir, Duration timeout, PluginExec exec) {
        CniInvoker.Builder b = CniInvoker.builder().pluginDirs(pluginDirs).cacheDir(cacheDir);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (exec != null) {
            b.exec(exec);
        }
        return new InvokerOps(b.build());
    }

    @Override
    public Result add(NetworkConfigList net, Call call) {
        return invoker.add(net, runtimeConf(call));
    }

    @Override
    public void check(NetworkConfigList net, Call call) {
        invoker.check(net, runtimeConf(call));
    }

    @Override
    public void del(NetworkConfigList net, Call call) {
        invoker.del(net, runtimeConf(call));
    }

    @Override
    public void status(NetworkConfigList net) {
        invoker.status(net);
    }

    @Override
    public void gc(NetworkConfigList net, List<Call> stillValid) {
        List<GcAttachment> valid = new ArrayList<>();
        stillValid.forEach(c -> valid.add(new GcAttachment(c.containerId(), c.ifName())));
        invoker.gc(net, GcArgs.of(valid));
    }

    @Override
    public List<Cached> cachedAttachments(String containerId) {
        List<Cached> out = new ArrayList<>();
        for (var a : invoker.cachedAttachments(containerId)) {
            List<String[]> args = new ArrayList<>();
            a.cniArgs().forEach(e -> args.add(new String[] {e.getKey(), e.getValue()}));
            JsonNode caps = JsonValues.toTree(a.capabilityArgs());
            out.add(new Cached(a.containerId(), a.networkName(), a.ifName(), a.config(), a.netNs(), args,
                    caps instanceof ObjectNode o ? o : CapabilityJson.object()));
        }
        return out;
    }

    private static RuntimeConf runtimeConf(Call call) {
        RuntimeConf.Builder b = RuntimeConf.builder().containerId(call.containerId()).netNs(call.netNs())
                .ifName(call.ifName());
        for (String[] p : call.args()) {
            b.addArg(p[0], p[1]);
        }
        for (Map.Entry<String, JsonNode> e : call.capabilityArgs().properties()) {
            if (!e.getValue().isNull()) {
                b.putCapabilityArg(e.getKey(), JsonValues.fromTree(e.getValue()));
            }
        }
        return b.build();
    }
}
