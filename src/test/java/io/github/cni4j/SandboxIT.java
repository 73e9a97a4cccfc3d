package io.github.cni4j;

import io.github.cni4j.error.PluginException;

import io.github.cni4j.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.netns.NetNs;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class SandboxIT {

    @TempDir
    Path tmp;

    private FluentFixture fx;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "loopback", "portmap");
        fx = new FluentFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        for (String id : ids) {
            Prerequisites.shQuiet("ip", "netns", "del", id);
        }
        if (fx != null) {
            fx.close();
        }
    }

    private String id() {
        String id = TestNames.netns();
        ids.add(id);
        return id;
    }

    private static String nsInode(Sandbox s) {
        return s.call(() -> Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
    }

    @Test
    void noneModeHasItsOwnNamespaceWithOnlyLoopback() {
        fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        String id = id();
        try (Sandbox s = cni.sandbox(id, NetworkMode.none())) {
            assertThat(s.netNsPath()).contains(Path.of("/run/netns", id));
            assertThat(s.attachment().interfaces().keySet()).containsExactly("lo");
            String links = FluentFixture.linksIn(id);
            assertThat(links).contains("lo:").contains("UP").doesNotContain("eth0");
        }
        assertThat(NetNs.list()).doesNotContain(id);
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void hostModeUsesTheHostNamespaceAndRunsNoPlugin() {
        fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        String id = id();
        String hostNs = Prerequisites.sh("readlink", "/proc/self/ns/net").trim();
        try (Sandbox s = cni.sandbox(id, NetworkMode.host())) {
            assertThat(s.netNsPath()).isEmpty();
            assertThat(s.attachment().isEmpty()).isTrue();
            assertThat(nsInode(s)).isEqualTo(hostNs);
        }
        assertThat(NetNs.list()).doesNotContain(id);
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void bridgeModeUsesTheFirstNetworkAndNetworkModeTheNamedOnes() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        FluentFixture.Net b = fx.bridgeNetwork("20-b.conflist");
        Cni cni = fx.builder().build();
        String id1 = id();
        String id2 = id();
        try (Sandbox s1 = cni.sandbox(id1, NetworkMode.bridge());
             Sandbox s2 = cni.sandbox(id2, NetworkMode.network(b.name(), a.name()))) {
            assertThat(s1.attachment().interfaces().keySet()).containsExactly("lo", "eth0");
            assertThat(s1.attachment().interfaces().get("eth0").network()).isEqualTo(a.name());
            assertThat(s2.attachment().interfaces().get("eth0").network()).isEqualTo(b.name());
            assertThat(s2.attachment().interfaces().get("eth1").ips().get(0).address().toString()).startsWith(a.subnetPrefix());
            s2.check();
            assertThat(s2.disconnect(a.name())).isTrue();
            assertThat(FluentFixture.linksIn(id2)).doesNotContain("eth1");
        }
        assertThat(NetNs.list()).doesNotContain(id1, id2);
        assertThat(fx.cacheEntries()).isEmpty();
        assertThat(fx.reservations()).isEmpty();
    }

    @Test
    void attachmentFollowsConnectAndDisconnectAndAClosedSandboxRefusesEveryUse() {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        FluentFixture.Net b = fx.bridgeNetwork("20-b.conflist");
        Cni cni = fx.builder().build();
        String id = id();
        Sandbox s = cni.sandbox(id, NetworkMode.network(a.name()));
        try {
            Attachment extra = s.connect(b.name());
            assertThat(extra.interfaces().keySet()).containsExactly("eth1");
            assertThat(s.attachment().networks()).extracting(Attachment.Network::name)
                    .containsExactly("cni-loopback", a.name(), b.name());
            assertThat(s.attachment().interfaces().get("eth1").network()).isEqualTo(b.name());
            assertThat(s.disconnect(b.name())).isTrue();
            assertThat(s.attachment().networks()).extracting(Attachment.Network::name)
                    .containsExactly("cni-loopback", a.name());
            assertThat(s.attachment().interfaces()).doesNotContainKey("eth1");
        } finally {
            s.close();
        }
        String closed = "sandbox " + id + " is closed";
        assertThatThrownBy(s::attachment).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(s::check).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> s.run(() -> { })).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> s.call(() -> 1)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> s.connect(b.name())).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> s.disconnect(a.name())).isInstanceOf(IllegalStateException.class)
                .hasMessage(closed);
        assertThat(NetNs.list()).doesNotContain(id);
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void containerModeSharesTheOtherNamespaceAndRemovesNothingOfIt() {
        fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        String owner = id();
        try (Sandbox web = cni.sandbox(owner, NetworkMode.bridge())) {
            String joinerId = id();
            try (Sandbox side = cni.sandbox(joinerId, NetworkMode.container(web));
                 Sandbox byPath = cni.sandbox(id(), NetworkMode.container(web.netNsPath().orElseThrow()))) {
                assertThat(nsInode(side)).isEqualTo(nsInode(web)).isEqualTo(nsInode(byPath));
                assertThat(side.attachment()).isSameAs(web.attachment());
                assertThat(side.netNsPath()).isEqualTo(web.netNsPath());
                assertThatThrownBy(() -> side.connect("x")).isInstanceOf(IllegalStateException.class);
            }
            assertThat(NetNs.list()).contains(owner).doesNotContain(joinerId);
            assertThat(FluentFixture.linksIn(owner)).contains("eth0");
            assertThat(fx.cacheEntries()).hasSize(2);
        }
        assertThat(fx.cacheEntries()).isEmpty();
    }

    @Test
    void publishedPortReachesAServerInsideTheSandboxFromTheHost() throws Exception {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist",
                "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}");
        Cni cni = fx.builder().build();
        int hostPort = 20000 + ThreadLocalRandom.current().nextInt(20000);
        try (Sandbox s = cni.sandbox(id(), NetworkMode.bridge(), r -> r.portMapping(PortMapping.tcp(hostPort, 8080)));
             ServerSocket server = s.call(() -> new ServerSocket(8080, 5, InetAddress.getByName("0.0.0.0")))) {
            Thread t = new Thread(() -> serveOnce(server));
            t.start();
            try (Socket c = new Socket()) {
                c.connect(new InetSocketAddress(a.gateway(), hostPort), 5000);
                c.setSoTimeout(5000);
                assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("hello from " + s.attachment().interfaces().get("eth0").ips().get(0).address().address().getHostAddress());
            }
            t.join(5000);
        }
        assertThat(Prerequisites.sh("iptables", "-t", "nat", "-S")).doesNotContain("dport " + hostPort);
    }

    @Test
    void defaultHostIpBindsPortMappingsWithoutTheirOwn() throws Exception {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist",
                "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}");
        Cni cni = fx.builder().defaultHostIp(a.gateway()).build();
        int hostPort = 20000 + ThreadLocalRandom.current().nextInt(20000);
        try (Sandbox s = cni.sandbox(id(), NetworkMode.bridge(), r -> r.portMapping(PortMapping.tcp(hostPort, 80)))) {
            assertThat(s.attachment().interfaces()).containsKey("eth0");
            String rules = Prerequisites.sh("iptables", "-t", "nat", "-S");
            assertThat(rules.lines().filter(l -> l.contains("--dport " + hostPort)))
                    .anyMatch(l -> l.contains("-d " + a.gateway() + "/32"));
        }
    }

    private static void serveOnce(ServerSocket server) {
        try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
            out.write(("hello from " + peer.getLocalAddress().getHostAddress()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sixteenSandboxesCreatedAndClosedConcurrentlyLeaveNothingBehind() throws Exception {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = id();
                results.add(pool.submit(() -> {
                    try (Sandbox s = cni.sandbox(id, NetworkMode.bridge())) {
                        return s.attachment().interfaces().get("eth0").ips().get(0).address().address().getHostAddress();
                    }
                }));
            }
            List<String> ips = new ArrayList<>();
            for (Future<String> f : results) {
                ips.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(ips).allMatch(ip -> ip.startsWith(a.subnetPrefix()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(NetNs.list()).doesNotContainAnyElementsOf(ids);
        assertThat(FluentFixture.linksOf(a.bridge())).isEmpty();
        assertThat(fx.cacheEntries()).isEmpty();
        assertThat(fx.reservations()).isEmpty();
    }

    @Test
    @Tag("virtual-threads")  // runs on the newest installed JDK (21+), see scripts/test.sh
    void sixteenSandboxesOnVirtualThreadsSeeTheirOwnNamespaceAndLeaveNothingBehind() throws Exception {
        FluentFixture.Net a = fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        String hostNs = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        ExecutorService pool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = id();
                results.add(pool.submit(() -> {
                    try (Sandbox s = cni.sandbox(id, NetworkMode.bridge())) {
                        String inside = nsInode(s);
                        // Work inside runs elsewhere; the virtual thread's carrier stays in the host namespace.
                        assertThat(inside).isNotEqualTo(hostNs);
                        assertThat(Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString())
                                .isEqualTo(hostNs);
                        return s.attachment().interfaces().get("eth0").ips().get(0).address().address().getHostAddress();
                    }
                }));
            }
            List<String> ips = new ArrayList<>();
            for (Future<String> f : results) {
                ips.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(ips).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith(a.subnetPrefix()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(NetNs.list()).doesNotContainAnyElementsOf(ids);
        assertThat(FluentFixture.linksOf(a.bridge())).isEmpty();
        assertThat(fx.cacheEntries()).isEmpty();
        assertThat(fx.reservations()).isEmpty();
    }

    @Test
    void failedSandboxRemovesItsNamespace() {
        fx.bridgeNetwork("10-a.conflist");
        Cni cni = fx.builder().build();
        String id = id();
        assertThatThrownBy(() -> cni.sandbox(id, NetworkMode.network("c4j-nosuchnet")))
                .isInstanceOf(ConfigException.class);
        assertThat(NetNs.list()).doesNotContain(id);
    }

    @Test
    void failedCloseCanBeRetriedAndThenIsANoOp() throws IOException {
        fx.bridgeNetwork("10-a.conflist");
        Path marker = tmp.resolve("fail-del");
        String flaky = fx.flakyDelNetwork(marker);
        Cni cni = fx.builder().build();
        String id = id();
        Sandbox s = cni.sandbox(id, NetworkMode.network(flaky));
        Files.createFile(marker);

        assertThatThrownBy(s::close).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.code()).isEqualTo(11);
            assertThat(e.msg()).contains("could not delete network \"" + flaky + "\" (eth0)", "try again");
        });
        assertThat(NetNs.list()).doesNotContain(id);
        assertThat(fx.cacheEntries()).anyMatch(c -> c.startsWith(flaky));

        Files.delete(marker);
        s.close();
        assertThat(fx.cacheEntries()).isEmpty();
        s.close();
    }
}
