package io.github.cni4j.reliability;

import io.github.cni4j.internal.invoke.PluginRunner;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.PluginFinder;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs ADD of a one-plugin network against a hostile plugin directory. */
final class HostileInvoker {

    private final PluginFinder finder;
    private final PluginRunner runner;

    HostileInvoker(Path pluginDir, Duration timeout) {
        finder = PluginFinder.of(List.of(pluginDir));
        runner = new PluginRunner(finder, PluginExec.portable(), timeout, Duration.ofMillis(10));
    }

    /** ADD; {@code padding} extra bytes of config make stdin larger than a pipe buffer. */
    Result add(String type, int padding) {
        byte[] stdin = ("{\"cniVersion\":\"1.0.0\",\"name\":\"c4jhostile\",\"type\":\"" + type + "\",\"pad\":\""
                + "p".repeat(padding) + "\"}").getBytes(StandardCharsets.UTF_8);
        Path path = finder.find(type);
        byte[] out = runner.run(type, path, "ADD", stdin, "c4j-hostile", "/proc/self/ns/net", "eth0", "");
        return Result.fromBytes(out, "1.0.0");
    }
}
