package io.github.cni4j.invoke;

import io.github.cni4j.internal.invoke.PluginFinder;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The javadoc and docs/invoke.md examples, run against script plugins. */
class DocExamplesTest {

    @TempDir
    Path tmp;

    @Test
    void wrappingExecutorSeesEveryRunAndExecRequestExampleRuns() {
        ScriptPlugins plugins = new ScriptPlugins(tmp).recorder("loopback", CniInvokerTest.RESULT_A);
        List<Path> seen = new ArrayList<>();
        PluginExec recording = request -> {
            synchronized (seen) {
                seen.add(request.plugin());
            }
            return PluginExecs.portable().run(request);
        };
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(plugins.dir)).cacheDir(tmp.resolve("cache"))
                .exec(recording).timeout(Duration.ofSeconds(30)).build();
        NetworkConfigList list = CniInvokerTest.list("1.0.0", "{\"type\":\"loopback\"}");
        RuntimeConf rt = RuntimeConf.builder().containerId("ctr1").netNs("/var/run/netns/ctr1").ifName("eth0").build();
        invoker.add(list, rt);
        invoker.check(list, rt);
        invoker.gc(list, List.of(new GcAttachment("ctr1", "eth0")));
        assertThat(seen).hasSize(2).allMatch(p -> p.equals(plugins.dir.resolve("loopback")));

        for (CachedAttachment a : ResultCache.of(tmp.resolve("cache")).attachments("ctr1")) {
            assertThat(a.networkName() + " " + a.ifName() + " " + a.netNs()).isEqualTo("net1 eth0 /var/run/netns/ctr1");
        }
        invoker.del(list, rt);
        assertThat(ResultCache.of(tmp.resolve("cache")).attachments()).isEmpty();

        PluginExec.Request req = new PluginExec.Request(plugins.dir.resolve("loopback"),
                "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("CNI_COMMAND", "VERSION"), Duration.ofSeconds(10));
        PluginExec.Response r = PluginExecs.portable().run(req);
        assertThat(r.isSuccess()).isTrue();
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(ScriptPlugins.VERSIONS);
    }

    @Test
    void finderExample() {
        ScriptPlugins plugins = new ScriptPlugins(tmp).recorder("bridge", "{}");
        PluginFinder finder = PluginFinder.of(List.of(tmp.resolve("nothing"), plugins.dir));
        Path bridge = finder.find("bridge");
        assertThat(bridge).isEqualTo(plugins.dir.resolve("bridge"));
        assertThat(finder.cniPath()).isEqualTo(tmp.resolve("nothing") + ":" + plugins.dir);
    }
}
