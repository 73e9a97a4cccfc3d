package io.github.cni4j;

import io.github.cni4j.testing.FailureKinds;
import io.github.cni4j.error.CniException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;

import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniFacadeTest {

    @TempDir
    Path confDir;

    private final FakeOps ops = new FakeOps();

    private Cni cni(boolean loopback, String... names) {
        List<Object> sources = List.of(java.util.Arrays.stream(names).map(FakeOps::net).toArray());
        return new Cni(new Engine(ops, Settings.builder().confDir(confDir).sources(sources).loopback(loopback).build()));
    }

    @Test
    void sandboxChecksTheContainerIdFirstLikeAnAttach() {
        Cni cni = cni(true, "front");
        for (String bad : List.of("", "a/b", "../x")) {
            assertThatThrownBy(() -> cni.sandbox(bad, NetworkMode.none())).isInstanceOf(ConfigException.class);
            assertThatThrownBy(() -> cni.sandbox(bad, NetworkMode.host())).isInstanceOf(ConfigException.class);
        }
        assertThat(ops.log).isEmpty();
    }

    @Test
    void attachAddsEveryNetworkInOrderWithNumberedInterfaces() {
        Attachment a = cni(true, "front", "back").attach("c1", Path.of("/run/netns/c1")).execute();

        assertThat(ops.log).containsExactly("ADD cni-loopback lo", "ADD front eth0", "ADD back eth1");
        assertThat(a.networks()).extracting(Attachment.Network::name).containsExactly("cni-loopback", "front", "back");
        assertThat(a.interfaces().keySet()).containsExactly("lo", "eth0", "eth1");
        assertThat(a.interfaces().get("eth1").network()).isEqualTo("back");
        assertThat(a.interfaces().get("eth1").ips()).extracting(ip -> ip.address().toString())
                .containsExactly("10.0.0.6/24");
    }

    @Test
    void failureRollsBackTheFailingAndEarlierNetworksAndKeepsTheExceptionType() {
        ops.failAdd.put("back", new PluginException(7, "plugin type=\"bridge\" failed (add): bad bridge", "details",
                "bridge", "/usr/lib/cni/bridge", "ADD", 1, 0, "", null));

        assertThatThrownBy(() -> cni(false, "front", "back").attach("c1", Path.of("/run/netns/c1")).execute())
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(7);
                    assertThat(e.pluginType()).isEqualTo("bridge");
                    assertThat(e.details()).contains("details");
                    assertThat(e.msg()).contains("network \"back\" (eth1)", "network 2 of 2", "plugin \"bridge\"",
                            "bad bridge", "rolled back", "network \"front\" (eth0)");
                    assertThat(e.getCause()).isInstanceOf(PluginException.class);
                });
        assertThat(ops.log).containsExactly("ADD front eth0", "ADD back eth1", "DEL back eth1", "DEL front eth0");
        assertThat(ops.cache).isEmpty();
    }

    @Test
    void rollbackFailuresAreNamedAndSuppressed() {
        ops.failAdd.put("back", new PluginException(0, "boom", null, "bridge", "", "ADD", 1, 0, "", null));
        CniException delFailure = new CniException(CniException.IO_FAILURE, "disk gone");
        ops.failDel.put("front", delFailure);

        assertThatThrownBy(() -> cni(false, "front", "back").attach("c1", Path.of("/run/netns/c1")).execute())
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.msg()).contains("rollback incomplete", "could not delete network \"front\" (eth0)",
                            "disk gone");
                    assertThat(e.getSuppressed()).containsExactly(delFailure);
                });
    }

    @Test
    void aFailureBeforeTheFirstPluginRanHasNothingToRollBack() {
        PluginException missing = PluginException.notFound("plugin type=\"bridge\" failed (add): failed "
                + "to find plugin \"bridge\" in path [/nowhere]", "bridge", List.of(Path.of("/nowhere")));
        ops.failAdd.put("c4jtypo", missing);
        ops.failDel.put("c4jtypo", missing);

        assertThatThrownBy(() -> cni(false, "front", "c4jtypo").attach("c1", Path.of("/run/netns/c1")).execute())
                .is(FailureKinds.PLUGIN_NOT_FOUND).isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.msg())
                        .doesNotContain("rollback incomplete", "could not delete network \"c4jtypo\"")
                        .contains("failed to find plugin \"bridge\"", "rolled back: deleted network \"front\""));
        assertThat(ops.log).containsExactly("ADD front eth0", "ADD c4jtypo eth1", "DEL front eth0");

        ops.log.clear();
        ConfigException badId = new ConfigException(4, "plugin type=\"bridge\" failed (add): invalid characters in "
                + "containerID", "bad/id", 0, 0, null, null);
        ops.failAdd.put("front", badId);
        assertThatThrownBy(() -> cni(false, "front").attach("c1", Path.of("/run/netns/c1")).execute())
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("failed (add): invalid characters in containerID; bad/id");
        assertThat(ops.log).containsExactly("ADD front eth0");
    }

    @Test
    void aConfigErrorDoesNotRepeatThePathItNames() {
        assertThat(new ConfigException("no net configuration with name \"x\" in /etc/cni/net.d", "/etc/cni/net.d"))
                .hasMessage("no net configuration with name \"x\" in /etc/cni/net.d");
    }

    @Test
    void invalidInterfaceIndexInAResultFailsAndRollsBack() {
        ops.resultJson = call -> "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\",\"sandbox\":\"/n\"}],"
                + "\"ips\":[{\"address\":\"10.0.0.2/24\",\"interface\":1}]}";

        assertThatThrownBy(() -> cni(false, "front").attach("c1", Path.of("/n")).execute())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("names interface 1, but the result has 1 interface(s)");
        assertThat(ops.log).containsExactly("ADD front eth0", "DEL front eth0");
    }

    @Test
    void ipWithoutInterfaceIndexBelongsToTheNetworksOwnInterface() {
        ops.resultJson = call -> "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.9.0.2/24\"}],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}";

        Attachment a = cni(false, "front", "back").attach("c1", Path.of("/n")).execute();

        assertThat(a.interfaces().get("eth1").ips()).extracting(ip -> ip.address().address().getHostAddress())
                .containsExactly("10.9.0.2");
        assertThat(a.interfaces().get("eth1").routes()).extracting(r -> r.dst().toString())
                .containsExactly("0.0.0.0/0");
    }

    @Test
    void connectTakesTheNextFreeInterfaceAndDisconnectKeepsTheOthers() {
        Cni cni = cni(false, "front", "back");
        cni.attach("c1", Path.of("/n")).execute();
        NetworkConfigListFile.write(confDir, "extra");

        Attachment extra = cni.connect("c1", Path.of("/n"), "extra").execute();
        assertThat(extra.interfaces().keySet()).containsExactly("eth2");

        assertThat(cni.disconnect("c1", Path.of("/n"), "extra")).isTrue();
        assertThat(cni.disconnect("c1", Path.of("/n"), "extra")).isFalse();
        assertThat(ops.cache.keySet()).containsExactlyInAnyOrder("front-c1-eth0", "back-c1-eth1");
    }

    @Test
    void connectingANetworkTwiceIsRefused() {
        Cni cni = cni(false, "front");
        cni.attach("c1", Path.of("/n")).execute();

        assertThatThrownBy(() -> cni.connect("c1", Path.of("/n"), "front").execute())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already attached");
    }

    @Test
    void detachDeletesNewestFirstIncludingConnectedNetworksAndIsIdempotent() {
        Cni cni = cni(true, "front");
        cni.attach("c1", Path.of("/n")).execute();
        NetworkConfigListFile.write(confDir, "extra");
        cni.connect("c1", Path.of("/n"), "extra").execute();
        ops.log.clear();

        cni.detach("c1", Path.of("/n"));
        assertThat(ops.log).containsExactly("DEL extra eth1", "DEL front eth0", "DEL cni-loopback lo");
        assertThat(ops.cache).isEmpty();

        ops.log.clear();
        cni.detach("c1", Path.of("/n"));
        assertThat(ops.log).containsExactly("DEL front eth0", "DEL cni-loopback lo");
    }

    @Test
    void detachContinuesPastFailuresAndReportsThemAll() {
        Cni cni = cni(false, "front", "back");
        cni.attach("c1", Path.of("/n")).execute();
        ops.failDel.put("back", new PluginException(0, "back broken", null, "bridge", "", "DEL", 1, 0, "", null));

        assertThatThrownBy(() -> cni.detach("c1", Path.of("/n")))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("could not delete network \"back\" (eth1)");
        assertThat(ops.log).endsWith("DEL back eth1", "DEL front eth0");
        assertThat(ops.cache.keySet()).containsExactly("back-c1-eth1");
    }

    @Test
    void capabilitiesAndArgsReachEveryNetworkAndPerNetworkOptionsOnlyTheirs() {
        cni(false, "front", "back").attach("c1", Path.of("/n"))
                .portMapping(PortMapping.tcp(8080, 80))
                .ips("back", List.of("10.1.0.9/24"))
                .label("app", "web")
                .arg("K8S_POD_NAME", "web-1")
                .execute();

        assertThat(FakeOps.json(ops.calls.get(0).capabilityArgs()))
                .isEqualTo("{\"portMappings\":[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]}");
        assertThat(FakeOps.json(ops.calls.get(1).capabilityArgs().get("ips"))).isEqualTo("[\"10.1.0.9/24\"]");
        assertThat(ops.calls.get(0).args()).extracting(p -> p.getKey() + "=" + p.getValue())
                .containsExactly("IgnoreUnknown=1", "app=web", "K8S_POD_NAME=web-1");
    }

    @Test
    void aCapabilityNoPluginEnablesIsRefusedNamingTheNetwork() {
        assertThatThrownBy(() -> cni(false, "front").attach("c1", Path.of("/n")).cgroupPath("/kubepods/x").execute())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.code()).isEqualTo(7))
                .hasMessageStartingWith("network \"front\" does not enable the capability \"cgroupPath\"");
        assertThatThrownBy(() -> cni(false, "front", "back").attach("c1", Path.of("/n"))
                .bandwidth(BandwidthLimit.ingress(1000, 1000)).execute())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("none of the networks \"front\", \"back\" enables the capability "
                        + "\"bandwidth\"");
        assertThat(ops.log).isEmpty();
        // A capability one of the networks enables is fine for a shared argument.
        cni(false, "front").attach("c1", Path.of("/n")).ips("10.0.0.5/24").execute();
        assertThat(ops.log).containsExactly("ADD front eth0");
    }

    @Test
    void defaultHostIpFillsPortMappingsWithoutOne() {
        Cni cni = new Cni(new Engine(ops, Settings.builder().confDir(confDir).addSources(FakeOps.net("front"))
                .loopback(false).defaultHostIp("192.0.2.7").build()));
        cni.attach("c1", Path.of("/n")).portMapping(PortMapping.tcp(80, 80))
                .portMapping(PortMapping.tcp(81, 81).withHostIp("192.0.2.9")).execute();

        assertThat(FakeOps.json(ops.calls.get(0).capabilityArgs().get("portMappings"))).contains(
                "\"hostPort\":80,\"containerPort\":80,\"protocol\":\"tcp\",\"hostIP\":\"192.0.2.7\"",
                "\"hostIP\":\"192.0.2.9\"");
    }

    @Test
    void optionsForNetworksOutsideTheRequestAreRefused() {
        assertThatThrownBy(() -> cni(false, "front").attach("c1", Path.of("/n")).mac("bakc", "c2:11:22:33:44:55")
                .execute()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bakc\"");
        assertThat(ops.log).isEmpty();
    }

    @Test
    void tooFewNetworksIsCniNotInitialized() {
        Cni cni = cni(false);
        assertThatThrownBy(() -> cni.attach("c1", Path.of("/n")).execute())
                .isInstanceOf(ConfigException.class).hasMessageContaining("cni plugin not initialized");
        assertThatThrownBy(cni::status).isInstanceOf(ConfigException.class);
    }

    @Test
    void gcKeepsValidContainersOnly() {
        Cni cni = cni(false, "front");
        cni.attach("c1", Path.of("/n1")).execute();
        cni.attach("c2", Path.of("/n2")).execute();

        cni.gc(Set.of("c2"));
        assertThat(ops.cache.keySet()).containsExactly("front-c2-eth0");
    }

    @Test
    void requestCanOnlyBeExecutedOnce() {
        AttachRequest r = cni(false, "front").attach("c1", Path.of("/n"));
        r.execute();
        assertThatThrownBy(r::execute).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rollbackRunsEvenWhenTheAttachingThreadWasInterrupted() {
        ops.failAdd.put("back", new PluginException(0, "cancelled", null, "bridge", "", "ADD", -1, 9, "", null));
        Cni cni = cni(false, "front", "back");
        AttachRequest r = cni.attach("c1", Path.of("/n"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(r::execute).isInstanceOf(PluginException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(ops.log).endsWith("DEL back eth1", "DEL front eth0");
    }

    @Test
    void javadocExampleOfCniRunsAsWritten() {
        Cni cni = cni(true, "bridge");
        Path netns = Path.of("/var/run/netns/web-1");
        Attachment a = cni.attach("web-1", netns).portMapping(PortMapping.tcp(8080, 80)).execute();
        String ip = a.interfaces().get("eth0").ips().get(0).address().toString();
        cni.check("web-1", netns);
        cni.detach("web-1", netns);

        assertThat(ip).isEqualTo("10.0.0.6/24");
        assertThat(ops.log).containsExactly("ADD cni-loopback lo", "ADD bridge eth0", "CHECK bridge eth0",
                "DEL bridge eth0", "DEL cni-loopback lo");
    }

    @Test
    void attachingAContainerThatIsStillAttachedIsRefusedBeforeAnyPluginRuns() {
        Cni cni = cni(true, "front");
        cni.attach("c1", Path.of("/n")).execute();
        ops.log.clear();

        assertThatThrownBy(() -> cni.attach("c1", Path.of("/n")).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already attached to network \"cni-loopback\" as lo");
        assertThat(ops.log).isEmpty();

        cni.detach("c1", Path.of("/n"));
        cni.attach("c1", Path.of("/n")).execute();
    }

    @Test
    void reloadSwapsTheConfigurationButARunningAttachKeepsItsSnapshot() throws Exception {
        NetworkConfigListFile.write(confDir, "a");
        Path b = NetworkConfigListFile.write(confDir, "b");
        Cni cni = new Cni(new Engine(ops, Settings.builder().confDir(confDir).loopback(false).maxConfFiles(2).build()));
        assertThat(cni.networks()).containsExactly("a", "b");

        java.util.concurrent.CountDownLatch inAdd = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ops.beforeAdd = () -> {
            inAdd.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        java.util.concurrent.CompletableFuture<Attachment> running = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> cni.attach("c1", Path.of("/n1")).execute());
        inAdd.await();
        java.nio.file.Files.delete(b);
        NetworkConfigListFile.write(confDir, "c");
        cni.reload();
        assertThat(cni.networks()).containsExactly("a", "c");
        ops.beforeAdd = () -> { };
        release.countDown();

        assertThat(running.get().networks()).extracting(Attachment.Network::name).containsExactly("a", "b");
        assertThat(cni.attach("c2", Path.of("/n2")).execute().networks()).extracting(Attachment.Network::name)
                .containsExactly("a", "c");
    }

    @Test
    void reloadThatFailsKeepsTheOldConfiguration() throws Exception {
        NetworkConfigListFile.write(confDir, "a");
        Cni cni = new Cni(new Engine(ops, Settings.builder().confDir(confDir).loopback(false).build()));
        java.nio.file.Files.writeString(confDir.resolve("00-broken.conflist"), "{");

        assertThatThrownBy(cni::reload).isInstanceOf(ConfigException.class).hasMessageContaining("00-broken");
        assertThat(cni.networks()).containsExactly("a");
    }

    @Test
    void twoNetworksReportingTheSameContainerInterfaceFailInsteadOfOverwriting() {
        ops.resultJson = call -> "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\",\"sandbox\":\"/n\"}],"
                + "\"ips\":[{\"address\":\"10.0.0.2/24\",\"interface\":0}]}";

        assertThatThrownBy(() -> cni(false, "front", "back").attach("c1", Path.of("/n")).execute())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("interface eth0 was already reported by network \"front\"");
        assertThat(ops.cache).isEmpty();
    }

    @Test
    void oldResultShapesAreViewedToo() {
        ops.resultJson = call -> "{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.7.0.2/16\",\"gateway\":\"10.7.0.1\","
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}";

        Attachment a = cni(false, "front").attach("c1", Path.of("/n")).execute();

        Attachment.Interface eth0 = a.interfaces().get("eth0");
        assertThat(eth0.ips()).extracting(ip -> ip.address() + " via " + ip.gateway().orElseThrow().getHostAddress())
                .containsExactly("10.7.0.2/16 via 10.7.0.1");
        assertThat(eth0.routes()).extracting(r -> r.dst().toString()).containsExactly("0.0.0.0/0");
        assertThat(eth0.sandbox()).isEqualTo("/n");
    }

    @Test
    void detachWithoutANamespaceUsesThePathsRecordedInTheCache(@TempDir Path nsDir) throws Exception {
        Path netns = java.nio.file.Files.createFile(nsDir.resolve("ns"));
        Cni cni = cni(false, "front");
        cni.attach("c1", netns).execute();

        cni.detach("c1");

        assertThat(ops.dels).extracting(io.github.cni4j.invoke.RuntimeConf::netNs).containsExactly(netns.toString());
        assertThat(ops.cache).isEmpty();
    }

    @Test
    void detachPassesAnEmptyNetnsOnceTheNamespaceIsGone() {
        Cni cni = cni(false, "front");
        cni.attach("c1", Path.of("/nonexistent/c4j-gone")).execute();

        cni.detach("c1", Path.of("/nonexistent/c4j-gone"));

        assertThat(ops.dels).extracting(io.github.cni4j.invoke.RuntimeConf::netNs).containsExactly("");
        assertThat(ops.cache).isEmpty();
    }

    @Test
    void detachNeverDeletesAnUncachedDefaultNetworkOnAnInterfaceAnotherNetworkOwns() {
        NetworkConfigListFile.write(confDir, "other");
        Cni cni = cni(false, "front");
        cni.connect("c1", Path.of("/n"), "other").execute();   // "other" is eth0, "front" never attached
        ops.log.clear();

        cni.detach("c1", Path.of("/n"));

        assertThat(ops.log).containsExactly("DEL other eth0");
    }
}
