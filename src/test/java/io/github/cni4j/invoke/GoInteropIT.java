package io.github.cni4j.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.result.Result;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import io.github.cni4j.testing.TestNetns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cni4j and Go libcni 1.1.2 clean up each other's attachments through the shared cache, and send plugins the same
 * bytes. Expected difference (REFERENCE B.12): libcni 1.1.2 does not write the cache's {@code netns} field; and for
 * 1.0.0 results it embeds prevResult in struct order with {@code "dns":{}}, so the byte comparison uses 0.4.0, where
 * both agree.
 */
@Tag("integration")
class GoInteropIT {

    @TempDir
    Path tmp;
    RealNetwork net;

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    CniInvoker invoker(Path pluginDir, Path cache) {
        return CniInvoker.builder().pluginDirs(List.of(pluginDir)).cacheDir(cache).timeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void attachmentAddedByCni4jIsDeletedByGoAndTheReverse() throws Exception {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "firewall", "tuning");
        GoOracle.binary();
        net = new RealNetwork(tmp);
        Path file = tmp.resolve("net.conflist");
        Files.write(file, RealNetwork.bytes(net.chain(false)));
        NetworkConfigList list = NetworkConfigList.fromFile(file);
        Path cache = tmp.resolve("cache");
        CniInvoker invoker = invoker(Prerequisites.PLUGIN_DIR, cache);
        try (TestNetns ns1 = TestNetns.create(); TestNetns ns2 = TestNetns.create()) {
            String id1 = TestNames.containerId();
            RuntimeConf rt1 = RuntimeConf.builder().containerId(id1).netNs(ns1.path().toString()).ifName("eth0")
                    .build();
            Result r1 = invoker.add(list, rt1);
            String ip1 = r1.ips().get(0).address().address().getHostAddress();
            GoOracle.run("check", file, ns1.path().toString(), id1, "eth0", cache, Prerequisites.PLUGIN_DIR, Map.of());
            GoOracle.run("del", file, ns1.path().toString(), id1, "eth0", cache, Prerequisites.PLUGIN_DIR, Map.of());
            assertThat(RealNetwork.linkExists(ns1.name(), "eth0")).isFalse();
            assertThat(net.reservation(ip1)).doesNotExist();
            assertThat(invoker.cachedAttachments(id1)).isEmpty();

            String id2 = TestNames.containerId();
            String goResult = GoOracle.run("add", file, ns2.path().toString(), id2, "eth0", cache,
                    Prerequisites.PLUGIN_DIR, Map.of());
            Result r2 = Result.fromBytes(goResult.getBytes(StandardCharsets.UTF_8));
            String ip2 = r2.ips().get(0).address().address().getHostAddress();
            RuntimeConf rt2 = RuntimeConf.builder().containerId(id2).netNs(ns2.path().toString()).ifName("eth0")
                    .build();
            assertThat(invoker.cachedResult(list, rt2)).contains(r2.convertTo(r2.cniVersion()));
            invoker.check(list, rt2);
            invoker.del(list, rt2);
            assertThat(RealNetwork.linkExists(ns2.name(), "eth0")).isFalse();
            assertThat(net.reservation(ip2)).doesNotExist();
            assertThat(cache.resolve("results").resolve(list.name() + "-" + id2 + "-eth0")).doesNotExist();
        }
    }

    @Test
    void bothSendTheSameStdinAndEnvironmentAndWriteTheSameCache() throws Exception {
        GoOracle.binary();
        String result = "{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"aa:bb:cc:dd:ee:ff\"}],"
                + "\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.1.0.5/24\",\"gateway\":\"10.1.0.1\"}],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"dns\":{\"nameservers\":[\"10.1.0.1\"]}}";
        String conf = "{\"cniVersion\":\"0.4.0\",\"name\":\"interop\",\"plugins\":[{\"type\":\"a\",\"x\":\"<&>\","
                + "\"capabilities\":{\"portMappings\":true}},{\"type\":\"b\",\"n\":1.50},"
                + "{\"type\":\"a\",\"capabilities\":{\"mac\":true,\"bandwidth\":false}}]}";
        Map<String, String> caps = Map.of("C4J_CAP_ARGS", "{\"portMappings\":[{\"hostPort\":8080,"
                + "\"containerPort\":80,\"protocol\":\"tcp\"}],\"mac\":\"c2:11:22:33:44:55\",\"bandwidth\":{}}",
                // cni4j refuses '=' and ';' inside CNI_ARGS values (SECURITY.md), so the pair is plain here.
                "C4J_CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=x");
        Path file = tmp.resolve("interop.conflist");
        Files.writeString(file, conf);

        ScriptPlugins java = new ScriptPlugins(tmp.resolve("java"));
        java.recorder("a", result).recorder("b", result);
        ScriptPlugins go = new ScriptPlugins(tmp.resolve("go"));
        go.recorder("a", result).recorder("b", result);

        RuntimeConf rt = RuntimeConf.builder().containerId("ctr1").netNs("/var/run/netns/x").ifName("eth0")
                .addArg("IgnoreUnknown", "1").addArg("K8S_POD_NAME", "x")
                .putCapabilityArg("portMappings", List.of(Map.of("hostPort", 8080, "containerPort", 80,
                        "protocol", "tcp")))
                .putCapabilityArg("mac", "c2:11:22:33:44:55").putCapabilityArg("bandwidth", Map.of()).build();
        NetworkConfigList list = NetworkConfigList.fromFile(file);
        CniInvoker invoker = invoker(java.dir, tmp.resolve("java-cache"));
        invoker.add(list, rt);
        byte[] javaCache = Files.readAllBytes(tmp.resolve("java-cache/results/interop-ctr1-eth0"));
        invoker.check(list, rt);
        invoker.del(list, rt);
        for (String verb : List.of("add", "check", "del")) {
            GoOracle.run(verb, file, "/var/run/netns/x", "ctr1", "eth0", tmp.resolve("go-cache"), go.dir, caps);
            if (verb.equals("add")) {
                byte[] goCache = Files.readAllBytes(tmp.resolve("go-cache/results/interop-ctr1-eth0"));
                // libcni 1.1.2 has no "netns" field in its cache entries (B.12); everything else is identical.
                assertThat(new String(javaCache, StandardCharsets.UTF_8)
                        .replace(",\"netns\":\"/var/run/netns/x\"", ""))
                        .isEqualTo(new String(goCache, StandardCharsets.UTF_8));
            }
        }
        assertThat(java.calls()).hasSize(9).isEqualTo(go.calls());
        for (int i = 0; i < 9; i++) {
            assertThat(java.stdin(i)).as("stdin of call %d (%s)", i, java.calls().get(i)).isEqualTo(go.stdin(i));
            for (String key : List.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_ARGS")) {
                assertThat(java.env(i).get(key)).as("%s of call %d", key, i).isEqualTo(go.env(i).get(key));
            }
        }
    }
}
