package io.github.cni4j.internal.exec;

import io.github.cni4j.invoke.PluginExecs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import io.github.cni4j.testing.TestNetns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference plugins (Go binaries) run through the native executor: ADD, CHECK, DEL and VERSION for real. */
@Tag("integration")
class PosixSpawnExecIT {

    @TempDir
    Path tmp;

    @Test
    void bridgeWithHostLocalAddsChecksAndDeletesThroughPosixSpawn() {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "loopback");
        String bridge = TestNames.bridge();
        int subnet = ThreadLocalRandom.current().nextInt(0, 256);
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"" + TestNames.network() + "\",\"plugins\":["
                + "{\"type\":\"bridge\",\"bridge\":\"" + bridge + "\",\"isGateway\":true,\"ipam\":{"
                + "\"type\":\"host-local\",\"subnet\":\"10.253." + subnet + ".0/24\",\"dataDir\":\""
                + tmp.resolve("ipam") + "\"}}]}";
        NetworkConfigList list = NetworkConfigList.fromBytes(conf.getBytes(StandardCharsets.UTF_8));
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR))
                .cacheDir(tmp.resolve("cache")).exec(PluginExecs.posixSpawn()).build();
        try (TestNetns ns = TestNetns.create()) {
            RuntimeConf rt = RuntimeConf.builder().containerId(TestNames.containerId()).netNs(ns.path().toString())
                    .ifName("eth0").build();
            Result result = invoker.add(list, rt);
            assertThat(result.ips()).hasSize(1);
            assertThat(result.ips().get(0).address().toString()).startsWith("10.253." + subnet + ".");
            assertThat(ns.ip("-o", "addr", "show", "eth0")).contains("10.253." + subnet + ".");
            invoker.check(list, rt);
            invoker.del(list, rt);
            assertThat(Prerequisites.shQuiet("ip", "-n", ns.name(), "link", "show", "eth0")).isNotZero();
        } finally {
            Prerequisites.shQuiet("ip", "link", "del", bridge);
        }
    }

    @Test
    void versionOfEveryReferencePluginThroughPosixSpawn() {
        Prerequisites.requireRootAndPlugins("bridge", "loopback", "host-local");
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR))
                .exec(PluginExecs.posixSpawn()).build();
        for (String type : List.of("bridge", "loopback", "host-local")) {
            assertThat(invoker.versionInfo(type).supportedVersions()).as(type).contains("0.4.0", "1.0.0");
        }
    }
}
