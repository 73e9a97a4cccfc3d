package io.github.cni4j.invoke;

import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.testing.FailureKinds;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.internal.invoke.NetworkFlows;
import io.github.cni4j.internal.invoke.PluginFinder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniInvokerTest {

    static final String RESULT_A = "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.5/24\"}]}";
    static final String RESULT_B = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\"}],"
            + "\"ips\":[{\"address\":\"10.1.0.5/24\",\"interface\":0}]}";

    @TempDir
    Path tmp;
    ScriptPlugins plugins;
    CniInvoker invoker;
    Path cache;

    @BeforeEach
    void setUp() {
        plugins = new ScriptPlugins(tmp);
        cache = tmp.resolve("cache");
        invoker = CniInvoker.builder().pluginDirs(List.of(plugins.dir)).cacheDir(cache).build();
    }

    static NetworkConfigList list(String version, String... pluginJson) {
        return NetworkConfigList.fromBytes(("{\"cniVersion\":\"" + version + "\",\"name\":\"net1\",\"plugins\":["
                + String.join(",", pluginJson) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    static RuntimeConf rt(String id) {
        return RuntimeConf.builder().containerId(id).netNs("/var/run/netns/" + id).ifName("eth0").build();
    }

    @Test
    void cacheSyncReachesTheCacheWriter() throws ReflectiveOperationException {
        java.lang.reflect.Field ops = CniInvoker.class.getDeclaredField("ops");
        ops.setAccessible(true);
        assertThat(((NetworkFlows) ops.get(invoker)).flows().cache(java.util.Optional.empty()).sync())
                .isEqualTo(ResultCache.Sync.FILE_AND_DIRECTORY);
        for (ResultCache.Sync sync : ResultCache.Sync.values()) {
            CniInvoker inv = CniInvoker.builder().cacheDir(cache).cacheSync(sync).build();
            assertThat(((NetworkFlows) ops.get(inv)).flows().cache(java.util.Optional.of(rt("c1"))).sync())
                    .isEqualTo(sync);
        }
    }

    @Test
    void addRunsPluginsInOrderAndChainsPrevResult() {
        plugins.recorder("a", RESULT_A).recorder("b", RESULT_B);
        Result r = invoker.add(list("1.0.0", "{\"type\":\"a\"}", "{\"type\":\"b\"}"), rt("c1"));

        assertThat(plugins.calls()).containsExactly("a ADD", "b ADD");
        assertThat(plugins.stdin(0)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"type\":\"a\"}");
        String prev = new String(Result.fromBytes(RESULT_A.getBytes(StandardCharsets.UTF_8)).toBytes(),
                StandardCharsets.UTF_8);
        assertThat(plugins.stdin(1)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"prevResult\":" + prev
                + ",\"type\":\"b\"}");
        assertThat(r.interfaces()).hasSize(1);
        assertThat(r.ips()).hasSize(1);
    }

    @Test
    void environmentHasTheSixVariablesAndCniArgsInOrder() {
        plugins.recorder("a", RESULT_A);
        // libcni joins pairs unescaped; cni4j passes them as given, a value with '=' and an empty key included.
        RuntimeConf rt = rt("c1").toBuilder().addArg("A", "x=y").addArg("B", "1").addArg("C", "").addArg("", "")
                .build();
        invoker.add(list("1.0.0", "{\"type\":\"a\"}"), rt);

        Map<String, String> env = plugins.env(0);
        assertThat(env).containsEntry("CNI_COMMAND", "ADD").containsEntry("CNI_CONTAINERID", "c1")
                .containsEntry("CNI_NETNS", "/var/run/netns/c1").containsEntry("CNI_IFNAME", "eth0")
                .containsEntry("CNI_ARGS", "A=x=y;B=1;C=;=").containsEntry("CNI_PATH", plugins.dir.toString())
                .containsEntry("PATH", System.getenv("PATH"));
    }

    @Test
    void onlyEnabledAndSuppliedCapabilitiesReachRuntimeConfig() {
        plugins.recorder("a", RESULT_A);
        RuntimeConf rt = rt("c1").toBuilder()
                .putCapabilityArg("portMappings", List.of(Map.of("hostPort", 8080, "containerPort", 80)))
                .putCapabilityArg("bandwidth", Map.of("ingressRate", 1000))
                .build();
        invoker.add(list("1.0.0", "{\"type\":\"a\",\"capabilities\":{\"portMappings\":true,\"mac\":true}}"), rt);

        assertThat(plugins.stdin(0)).isEqualTo("{\"capabilities\":{\"mac\":true,\"portMappings\":true},"
                + "\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"runtimeConfig\":{\"portMappings\":"
                + "[{\"containerPort\":80,\"hostPort\":8080}]},\"type\":\"a\"}");
    }

    @Test
    void addWritesLibcniCacheFile() throws Exception {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}");
        RuntimeConf rt = rt("c1").toBuilder().addArg("K", "V").putCapabilityArg("mac", "c2:11:22:33:44:55").build();
        invoker.add(list, rt);

        Path f = cache.resolve("results/net1-c1-eth0");
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).isEqualTo(
                "{\"kind\":\"cniCacheV1\",\"containerId\":\"c1\",\"config\":\""
                        + Base64.getEncoder().encodeToString(list.bytes())
                        + "\",\"ifName\":\"eth0\",\"networkName\":\"net1\",\"netns\":\"/var/run/netns/c1\","
                        + "\"cniArgs\":[[\"K\",\"V\"]],\"capabilityArgs\":{\"mac\":\"c2:11:22:33:44:55\"},"
                        + "\"result\":{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.5/24\"}]}}");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
        assertThat(invoker.cachedResult(list, rt)).isPresent();
        assertThat(invoker.cachedAttachments("c1")).singleElement()
                .satisfies(a -> assertThat(a.netNs()).isEqualTo("/var/run/netns/c1"));
        CachedAttachment cc = invoker.cachedConfig(list, rt("c1")).orElseThrow();
        assertThat(cc.config()).isEqualTo(list.bytes());
        assertThat(cc.cniArgs()).containsExactly(Map.entry("K", "V"));
    }

    @Test
    void delRunsInReverseWithCachedResultAndRemovesEntry() {
        plugins.recorder("a", RESULT_A).recorder("b", RESULT_A);
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}", "{\"type\":\"b\"}");
        invoker.add(list, rt("c1"));
        invoker.del(list, rt("c1"));

        assertThat(plugins.calls()).containsExactly("a ADD", "b ADD", "b DEL", "a DEL");
        assertThat(plugins.stdin(2)).contains("\"prevResult\":{\"cniVersion\":\"1.0.0\"");
        assertThat(cache.resolve("results/net1-c1-eth0")).doesNotExist();
        invoker.del(list, rt("c1"));
        assertThat(plugins.stdin(4)).doesNotContain("prevResult");
    }

    @Test
    void corruptCacheEntryDoesNotBlockDel() throws Exception {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}");
        Files.createDirectories(cache.resolve("results"));
        Files.write(cache.resolve("results/net1-c1-eth0"), new byte[0]);

        assertThatThrownBy(() -> invoker.check(list, rt("c1"))).is(FailureKinds.CACHE)
                .hasMessageStartingWith("failed to get network \"net1\" cached result: "
                        + "decoding version from network config: unexpected end of JSON input");
        invoker.del(list, rt("c1"));
        assertThat(plugins.stdin(0)).doesNotContain("prevResult");
        assertThat(cache.resolve("results/net1-c1-eth0")).doesNotExist();
    }

    @Test
    void failedAddIsNotRolledBackAndDelStillWorks() {
        plugins.recorder("a", RESULT_A)
                .failing("b", "ADD", "printf '%s' '{\"code\":11,\"msg\":\"busy\",\"details\":\"later\"}'; exit 1");
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}", "{\"type\":\"b\",\"name\":\"bee\"}");

        assertThatThrownBy(() -> invoker.add(list, rt("c1"))).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.code()).isEqualTo(11);
            assertThat(e.getMessage()).isEqualTo("plugin type=\"b\" name=\"bee\" failed (add): busy; later");
            assertThat(e.pluginType()).isEqualTo("b");
            assertThat(e.exitStatus()).isEqualTo(1);
        });
        assertThat(plugins.calls()).containsExactly("a ADD", "b ADD");
        assertThat(cache.resolve("results/net1-c1-eth0")).doesNotExist();
        invoker.del(list, rt("c1"));
        assertThat(plugins.calls()).endsWith("b DEL", "a DEL");
    }

    @Test
    void delFailureStopsAndKeepsCache() {
        plugins.recorder("a", RESULT_A).failing("b", "DEL", "echo nope >&2; exit 3");
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}", "{\"type\":\"b\"}");
        invoker.add(list, rt("c1"));
        assertThatThrownBy(() -> invoker.del(list, rt("c1"))).isInstanceOf(PluginException.class)
                .hasMessage("plugin type=\"b\" failed (delete): netplugin failed: \"nope\\n\": exit status 3");
        assertThat(plugins.calls()).containsExactly("a ADD", "b ADD", "b DEL");
        assertThat(cache.resolve("results/net1-c1-eth0")).exists();
    }

    @Test
    void checkNeedsVersion040AndHonoursDisableCheck() {
        plugins.recorder("a", RESULT_A);
        assertThatThrownBy(() -> invoker.check(list("0.3.1", "{\"type\":\"a\"}"), rt("c1")))
                .is(FailureKinds.INCOMPATIBLE_VERSION)
                .hasMessage("configuration version \"0.3.1\" does not support the CHECK command");
        NetworkConfigList disabled = NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"net1\","
                + "\"disableCheck\":true,\"plugins\":[{\"type\":\"a\"}]}").getBytes(StandardCharsets.UTF_8));
        invoker.check(disabled, rt("c1"));
        assertThat(plugins.calls()).isEmpty();
        invoker.check(list("1.0.0", "{\"type\":\"a\"}"), rt("c1"));
        assertThat(plugins.calls()).containsExactly("a CHECK");
        assertThat(plugins.stdin(0)).doesNotContain("prevResult");
    }

    @Test
    void pluginLookupRefusesPathsAndNamesEveryDir() {
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"nope\"}"), rt("c1")))
                .is(FailureKinds.PLUGIN_NOT_FOUND)
                .hasMessage("plugin type=\"nope\" failed (add): failed to find plugin \"nope\" in path ["
                        + plugins.dir + "]");
        PluginFinder finder = PluginFinder.of(List.of(plugins.dir, tmp));
        assertThatThrownBy(() -> finder.find("../x")).hasMessage("invalid plugin name: ../x");
        assertThatThrownBy(() -> finder.find("/bin/sh")).hasMessage("invalid plugin name: /bin/sh");
        assertThatThrownBy(() -> finder.find("")).hasMessage("no plugin name provided");
        assertThatThrownBy(() -> finder.find("x")).is(FailureKinds.PLUGIN_NOT_FOUND).isInstanceOfSatisfying(PluginException.class,
                e -> assertThat(e.searched()).containsExactly(plugins.dir, tmp));
    }

    @Test
    void addValidatesNamesAfterLookup() {
        plugins.recorder("a", RESULT_A);
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"a\"}"), rt("bad id")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.code()).isEqualTo(4);
                    assertThat(e.msg()).isEqualTo("plugin type=\"a\" failed (add): invalid characters in containerID");
                });
        assertThat(plugins.calls()).isEmpty();
    }

    @Test
    void addFindsThePluginBeforeValidatingAndUsesLibcniWords() {
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"a\"}"), rt("bad/id")))
                .is(FailureKinds.PLUGIN_NOT_FOUND)
                .hasMessageStartingWith("plugin type=\"a\" failed (add): failed to find plugin \"a\"");
        plugins.recorder("a", RESULT_A);
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"a\"}"), rt("bad/id")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessage("plugin type=\"a\" failed (add): invalid characters in containerID; bad/id");
        RuntimeConf badIf = rt("c1").toBuilder().ifName("eth/0").build();
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"a\"}"), badIf))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessage("plugin type=\"a\" failed (add): interface name contains / or : or whitespace characters");
        assertThat(plugins.calls()).isEmpty();
        assertThat(cache.resolve("results")).doesNotExist();
    }

    @Test
    void checkAndDelRefuseOnlyNamesThatWouldLeaveTheCacheDirInLibcniWords() {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList net = list("1.0.0", "{\"type\":\"a\"}");
        assertThatThrownBy(() -> invoker.del(net, rt("../x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessage("invalid characters in containerID; ../x");
        assertThatThrownBy(() -> invoker.check(net, rt("c1").toBuilder().ifName("a/b").build()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessage("interface name contains / or : or whitespace characters");
        assertThat(plugins.calls()).isEmpty();
        // Names libcni would refuse on ADD but that stay inside the cache dir go through, as in libcni.
        invoker.del(net, rt("bad id"));
        assertThat(plugins.calls()).containsExactly("a DEL");
    }

    @Test
    void cacheDirThatIsNotADirectoryFailsInLibcniWords() throws Exception {
        plugins.recorder("a", RESULT_A);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CniInvoker onFile = CniInvoker.builder().pluginDirs(List.of(plugins.dir)).cacheDir(file).build();
        assertThatThrownBy(() -> onFile.add(list("1.0.0", "{\"type\":\"a\"}"), rt("c1")))
                .hasMessage("failed to set network \"net1\" cached result: mkdir " + file + ": not a directory");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("results"), "x");
        assertThatThrownBy(() -> invoker.add(list("1.0.0", "{\"type\":\"a\"}"), rt("c1")))
                .hasMessage("failed to set network \"net1\" cached result: mkdir " + cache.resolve("results")
                        + ": not a directory");
    }

    @Test
    void cniArgsRefusesOnlyWhatCannotBeEncoded() {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList net = list("1.0.0", "{\"type\":\"a\"}");
        for (RuntimeConf bad : List.of(rt("c1").toBuilder().addArg("K=1", "v").build(),
                rt("c1").toBuilder().addArg("K", "1;2").build(), rt("c1").toBuilder().addArg("K;", "v").build(),
                rt("c1").toBuilder().addArg("K", "a\u0000").build())) {
            assertThatThrownBy(() -> invoker.add(net, bad)).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.code()).isEqualTo(4)).hasMessageStartingWith("invalid CNI_ARGS pair \"K");
        }
        assertThat(plugins.calls()).isEmpty();
    }

    @Test
    void gcDeletesStaleAttachmentsAndSendsValidOnes() {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList list = list("1.1.0", "{\"type\":\"a\"}");
        invoker.add(list, rt("c1"));
        invoker.add(list, rt("c2"));
        invoker.gc(list, List.of(new GcAttachment("c1", "eth0")));

        assertThat(plugins.calls()).containsExactly("a ADD", "a ADD", "a DEL", "a GC");
        assertThat(plugins.env(2)).containsEntry("CNI_CONTAINERID", "c2");
        assertThat(plugins.stdin(3)).isEqualTo("{\"cni.dev/attachments\":[{\"containerID\":\"c1\",\"ifname\":"
                + "\"eth0\"}],\"cni.dev/valid-attachments\":[{\"containerID\":\"c1\",\"ifname\":\"eth0\"}],"
                + "\"cniVersion\":\"1.1.0\",\"name\":\"net1\",\"type\":\"a\"}");
        assertThat(plugins.env(3)).containsEntry("CNI_CONTAINERID", "").containsEntry("CNI_IFNAME", "");
        assertThat(invoker.cachedAttachments("")).extracting(a -> a.containerId()).containsExactly("c1");
    }

    @Test
    void gcCollectsAllErrorsAndSkipsOldVersions() {
        plugins.failing("a", "GC", "exit 4").failing("b", "GC", "exit 5");
        assertThatThrownBy(() -> invoker.gc(list("1.1.0", "{\"type\":\"a\"}", "{\"type\":\"b\"}")))
                .hasMessage("failed to GC plugin a: netplugin failed with no error message: exit status 4\n"
                        + "failed to GC plugin b: netplugin failed with no error message: exit status 5");
        assertThat(plugins.stdin(0)).isEqualTo("{\"cniVersion\":\"1.1.0\",\"name\":\"net1\",\"type\":\"a\"}");
        invoker.gc(list("1.0.0", "{\"type\":\"a\"}"));
        assertThat(plugins.calls()).hasSize(2);
    }

    @Test
    void statusKeepsCodes50And51() {
        plugins.failing("a", "STATUS", "printf '%s' '{\"code\":50,\"msg\":\"not ready\"}'; exit 1")
                .failing("b", "STATUS", "printf '%s' '{\"code\":51,\"msg\":\"degraded\"}'; exit 1");
        assertThatThrownBy(() -> invoker.status(list("1.1.0", "{\"type\":\"a\"}")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.code()).isEqualTo(50))
                .hasMessage("not ready");
        assertThatThrownBy(() -> invoker.status(list("1.1.0", "{\"type\":\"b\"}")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.code()).isEqualTo(51));
        invoker.status(list("1.0.0", "{\"type\":\"a\"}"));
        assertThat(plugins.calls()).containsExactly("a STATUS", "b STATUS");
        assertThat(plugins.env(0)).containsEntry("CNI_PATH", plugins.dir.toString());
    }

    @Test
    void versionInfoSendsExactStdinAndValidateReturnsCapabilities() {
        plugins.recorder("a", RESULT_A).script("old", "echo '{\"code\":4,\"msg\":\"unknown CNI_COMMAND: VERSION\"}'"
                + "; exit 1\n");
        assertThat(invoker.versionInfo("a").supportedVersions()).contains("1.1.0");
        assertThat(plugins.stdin(0)).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
        assertThat(plugins.env(0)).containsEntry("CNI_NETNS", "dummy").containsEntry("CNI_PATH", "dummy")
                .containsEntry("CNI_COMMAND", "VERSION");
        assertThat(invoker.versionInfo("old").supportedVersions()).containsExactly("0.1.0");
        assertThat(invoker.validate(list("1.0.0", "{\"type\":\"a\",\"capabilities\":{\"mac\":true,\"ips\":false}}",
                "{\"type\":\"a\",\"capabilities\":{\"bandwidth\":true}}"))).containsExactly("bandwidth", "mac");
        assertThatThrownBy(() -> invoker.validate(list("1.0.0", "{\"type\":\"old\"}", "{\"type\":\"zz\"}")))
                .hasMessage("[plugin old does not support config version \"1.0.0\" failed to find plugin \"zz\" in "
                        + "path [" + plugins.dir + "]]");
    }

    @Test
    void legacyBareResultCacheIsReadAndConverted() throws Exception {
        plugins.recorder("a", RESULT_A);
        Files.createDirectories(cache.resolve("results"));
        Files.writeString(cache.resolve("results/net1-c1-eth0"),
                "{\"cniVersion\":\"0.4.0\",\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.2/24\"}],\"dns\":{}}");
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}");
        Result r = invoker.cachedResult(list, rt("c1")).orElseThrow();
        assertThat(r.cniVersion().toString()).isEqualTo("1.0.0");
        assertThat(r.ips()).hasSize(1);
        assertThatThrownBy(() -> invoker.cachedConfig(list, rt("c1"))).is(FailureKinds.CACHE)
                .hasMessage("read cached network \"net1\" config has wrong kind: ");
        invoker.check(list, rt("c1"));
        assertThat(plugins.stdin(0)).contains("\"prevResult\":{\"cniVersion\":\"1.0.0\"");
    }

    @Test
    void gcWithoutArgsDeletesEveryEntryOfThisNetworkOnlyAndHonoursDisableGc() {
        plugins.recorder("a", RESULT_A);
        NetworkConfigList list = list("1.0.0", "{\"type\":\"a\"}");
        NetworkConfigList other = NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"net2\","
                + "\"disableGC\":true,\"plugins\":[{\"type\":\"a\"}]}").getBytes(StandardCharsets.UTF_8));
        invoker.add(list, rt("c1"));
        invoker.add(other, rt("c1"));
        invoker.gc(other);
        assertThat(plugins.calls()).containsExactly("a ADD", "a ADD");
        invoker.gc(list);
        assertThat(plugins.calls()).containsExactly("a ADD", "a ADD", "a DEL");
        assertThat(invoker.cachedAttachments("c1")).extracting(a -> a.networkName()).containsExactly("net2");
    }

    @Test
    void javadocExampleOfRuntimeConfBuilds() {
        RuntimeConf rt = RuntimeConf.builder()
                .containerId("ctr1")
                .netNs("/var/run/netns/ctr1")
                .ifName("eth0")
                .addArg("IgnoreUnknown", "1")
                .putCapabilityArg("portMappings",
                        List.of(Map.of("hostPort", 8080, "containerPort", 80, "protocol", "tcp")))
                .build();
        assertThat(rt.toBuilder().build()).isEqualTo(rt);
        assertThatThrownBy(() -> RuntimeConf.builder().putCapabilityArg("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capabilityArgs.x");
    }
}
