package io.github.cni4j.plugins;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.nio.file.Path;
import java.util.List;

/**
 * The network-management ITs' way to attach and detach: the real {@link CniInvoker} with a test cache dir, so a
 * network written by {@link NetworkManager} is exercised exactly as a runtime would use it.
 */
final class PluginChainRunner {

    private final CniInvoker invoker;

    PluginChainRunner(Path pluginDir, Path cacheDir) {
        this.invoker = CniInvoker.builder().pluginDirs(List.of(pluginDir)).cacheDir(cacheDir).build();
    }

    /** Runs ADD through the chain and returns the final result's bytes. */
    byte[] add(NetworkConfigList list, String containerId, Path netns, String ifName) {
        Result result = invoker.add(list, conf(containerId, netns, ifName));
        return result.toBytes();
    }

    /** Runs DEL through the chain in reverse order; the invoker supplies the cached result as prevResult. */
    void del(NetworkConfigList list, byte[] ignoredResult, String containerId, Path netns, String ifName) {
        invoker.del(list, conf(containerId, netns, ifName));
    }

    private static RuntimeConf conf(String containerId, Path netns, String ifName) {
        return RuntimeConf.builder().containerId(containerId).netNs(netns.toString()).ifName(ifName).build();
    }
}
