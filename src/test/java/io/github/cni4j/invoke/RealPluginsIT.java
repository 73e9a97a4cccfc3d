package io.github.cni4j.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.error.CniException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.result.Result;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import io.github.cni4j.testing.TestNetns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class RealPluginsIT {

    @TempDir
    Path tmp;
    RealNetwork net;
    CniInvoker invoker;
    Path cache;

    @BeforeEach
    void setUp() {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "portmap", "firewall", "tuning", "loopback");
        net = new RealNetwork(tmp);
        cache = tmp.resolve("cache");
        invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR)).cacheDir(cache)
                .timeout(Duration.ofSeconds(60)).build();
    }

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    static RuntimeConf rt(TestNetns ns, String id) {
        return RuntimeConf.builder().containerId(id).netNs(ns.path().toString()).ifName("eth0").build();
    }

    @Test
    void bridgeChainAddCheckDelInARealNetns() throws Exception {
        Path confDir = Files.createDirectories(tmp.resolve("net.d"));
        Files.write(confDir.resolve("10-c4j.conflist"), RealNetwork.bytes(net.chain(false)));
        NetworkConfigList list = ConfLoader.loadConfList(confDir, net.name);
        String id = TestNames.containerId();
        try (TestNetns ns = TestNetns.create()) {
            RuntimeConf rt = rt(ns, id);
            Result r = invoker.add(list, rt);
            String cidr = r.ips().get(0).address().toString();
            String ip = r.ips().get(0).address().address().getHostAddress();
            assertThat(cidr).startsWith(net.prefix + ".").endsWith("/24");
            assertThat(RealNetwork.addresses(ns.name(), "eth0")).containsExactly(cidr);
            assertThat(net.reservation(ip)).exists();

            Path file = cache.resolve("results").resolve(net.name + "-" + id + "-eth0");
            JsonNode entry = RealNetwork.JSON.readTree(file.toFile());
            assertThat(entry.get("kind").asText()).isEqualTo("cniCacheV1");
            assertThat(entry.get("containerId").asText()).isEqualTo(id);
            assertThat(entry.get("netns").asText()).isEqualTo(ns.path().toString());
            assertThat(Base64.getDecoder().decode(entry.get("config").asText())).isEqualTo(list.bytes());
            assertThat(entry.get("result").get("ips").get(0).get("address").asText()).isEqualTo(cidr);

            invoker.check(list, rt);
            ns.ip("addr", "del", cidr, "dev", "eth0");
            assertThatThrownBy(() -> invoker.check(list, rt)).isInstanceOf(CniException.class);
            // The bridge plugin tears down ipMasq for the addresses it finds on eth0 at DEL: put it back, or the
            // test would leave the container's NAT chain behind.
            ns.ip("addr", "add", cidr, "dev", "eth0");

            invoker.del(list, rt);
            assertThat(RealNetwork.linkExists(ns.name(), "eth0")).isFalse();
            assertThat(net.reservation(ip)).doesNotExist();
            assertThat(file).doesNotExist();
            invoker.del(list, rt);
        }
    }

    @Test
    void containerdConflistWithPortmapAddsAndDeletes() throws Exception {
        ObjectNode conf = net.seed("10-containerd-net.conflist");
        NetworkConfigList list = NetworkConfigList.fromBytes(RealNetwork.bytes(conf), "containerd");
        String id = TestNames.containerId();
        try (TestNetns ns = TestNetns.create()) {
            RuntimeConf rt = rt(ns, id).toBuilder().putCapabilityArg("portMappings",
                    List.of(Map.of("hostPort", 18080 + (int) (Math.random() * 1000), "containerPort", 80,
                            "protocol", "tcp"))).build();
            Result r = invoker.add(list, rt);
            String cidr = r.ips().get(0).address().toString();
            assertThat(RealNetwork.addresses(ns.name(), "eth0")).containsExactly(cidr);
            assertThat(invoker.cachedConfig(list, rt(ns, id)).orElseThrow().capabilityArgs())
                    .containsKey("portMappings");
            invoker.del(list, rt);
            assertThat(RealNetwork.linkExists(ns.name(), "eth0")).isFalse();
            assertThat(invoker.cachedAttachments(id)).isEmpty();
            invoker.del(list, rt);
        }
    }

    @Test
    void fullChainWithPortmapFirewallAndTuning() {
        NetworkConfigList list = NetworkConfigList.fromBytes(RealNetwork.bytes(net.chain(true)), "chain");
        String id = TestNames.containerId();
        try (TestNetns ns = TestNetns.create()) {
            RuntimeConf rt = rt(ns, id).toBuilder().putCapabilityArg("portMappings",
                    List.of(Map.of("hostPort", 19080 + (int) (Math.random() * 1000), "containerPort", 80,
                            "protocol", "tcp"))).build();
            Result r = invoker.add(list, rt);
            assertThat(RealNetwork.addresses(ns.name(), "eth0")).containsExactly(r.ips().get(0).address().toString());
            assertThat(invoker.validate(list)).containsExactly("portMappings");
            invoker.del(list, rt);
            assertThat(RealNetwork.linkExists(ns.name(), "eth0")).isFalse();
        }
    }

    @Test
    void singleConfAndLoopback() throws Exception {
        PluginConfig conf = PluginConfig.fromBytes(RealNetwork.bytes(net.seed("redisnet.conf")), "redisnet");
        NetworkConfigList lo = NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"c4j-lo\","
                + "\"plugins\":[{\"type\":\"loopback\"}]}").getBytes(StandardCharsets.UTF_8));
        String id = TestNames.containerId();
        try (TestNetns ns = TestNetns.create()) {
            ns.ip("link", "set", "lo", "down");
            RuntimeConf rtLo = RuntimeConf.builder().containerId(id).netNs(ns.path().toString()).ifName("lo").build();
            invoker.add(lo, rtLo);
            assertThat(RealNetwork.addresses(ns.name(), "lo")).contains("127.0.0.1/8");
            invoker.check(lo, rtLo);

            RuntimeConf rt = rt(ns, id);
            Result r = invoker.add(conf, rt);
            assertThat(RealNetwork.addresses(ns.name(), "eth0")).containsExactly(r.ips().get(0).address().toString());
            Path file = cache.resolve("results").resolve(net.name + "-" + id + "-eth0");
            assertThat(Base64.getDecoder().decode(RealNetwork.JSON.readTree(file.toFile()).get("config").asText()))
                    .isEqualTo(conf.bytes());
            invoker.check(conf, rt);
            invoker.del(conf, rt);
            invoker.del(lo, rtLo);
            assertThat(RealNetwork.linkExists(ns.name(), "eth0")).isFalse();
            assertThat(Files.list(cache.resolve("results"))).isEmpty();
        }
    }

    @Test
    void sixteenContainersInParallelGetDistinctAddresses() throws Exception {
        NetworkConfigList list = NetworkConfigList.fromBytes(RealNetwork.bytes(net.chain(false)), "chain");
        List<TestNetns> namespaces = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 16; i++) {
                namespaces.add(TestNetns.create());
            }
            List<Future<Result>> adds = new ArrayList<>();
            for (TestNetns ns : namespaces) {
                adds.add(pool.submit(() -> invoker.add(list, rt(ns, "c4j-par-" + ns.name()))));
            }
            Set<String> ips = new HashSet<>();
            for (Future<Result> f : adds) {
                ips.add(f.get().ips().get(0).address().toString());
            }
            assertThat(ips).hasSize(16);
            assertThat(invoker.cachedAttachments("")).hasSize(16);
            List<Future<?>> dels = new ArrayList<>();
            for (TestNetns ns : namespaces) {
                dels.add(pool.submit(() -> invoker.del(list, rt(ns, "c4j-par-" + ns.name()))));
            }
            for (Future<?> f : dels) {
                f.get();
            }
            assertThat(invoker.cachedAttachments("")).isEmpty();
            assertThat(Files.list(net.dataDir.resolve(net.name)).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(net.prefix))).isEmpty();
        } finally {
            pool.shutdownNow();
            namespaces.forEach(TestNetns::close);
        }
    }

    @Test
    void gcDeletesStaleAttachmentsWithTheRealPlugins() {
        NetworkConfigList list = NetworkConfigList.fromBytes(RealNetwork.bytes(net.chain(false)), "chain");
        try (TestNetns keep = TestNetns.create(); TestNetns stale = TestNetns.create()) {
            String keepId = TestNames.containerId();
            String staleId = TestNames.containerId();
            invoker.add(list, rt(keep, keepId));
            Result r = invoker.add(list, rt(stale, staleId));
            String staleIp = r.ips().get(0).address().address().getHostAddress();

            invoker.gc(list, List.of(new GcAttachment(keepId, "eth0")));

            assertThat(RealNetwork.linkExists(stale.name(), "eth0")).isFalse();
            assertThat(net.reservation(staleIp)).doesNotExist();
            assertThat(RealNetwork.linkExists(keep.name(), "eth0")).isTrue();
            assertThat(invoker.cachedAttachments("")).extracting(a -> a.containerId()).containsExactly(keepId);
            invoker.del(list, rt(keep, keepId));
            assertThat(invoker.cachedAttachments("")).isEmpty();
        }
    }
}
