package io.github.cni4j.reliability;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs ADD of a one-plugin network through {@link CniInvoker} against a hostile plugin directory. */
final class HostileInvoker {

    private final CniInvoker invoker;
    private final Path cacheDir;

    HostileInvoker(Path pluginDir, Duration timeout) {
        cacheDir = pluginDir.resolve("cache");
        invoker = CniInvoker.builder().pluginDirs(List.of(pluginDir)).cacheDir(cacheDir).timeout(timeout)
                .busyRetryDelay(Duration.ofMillis(10)).build();
    }

    /** ADD; {@code padding} extra bytes of config make stdin larger than a pipe buffer. */
    Result add(String type, int padding) {
        NetworkConfigList list = NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"c4jhostile\","
                + "\"plugins\":[{\"type\":\"" + type + "\",\"pad\":\"" + "p".repeat(padding) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        return invoker.add(list, RuntimeConf.builder().containerId("c4j-hostile").netNs("/proc/self/ns/net")
                .ifName("eth0").build());
    }

    CniInvoker invoker() {
        return invoker;
    }

    Path cacheDir() {
        return cacheDir;
    }
}
