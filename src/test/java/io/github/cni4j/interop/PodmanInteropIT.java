package io.github.cni4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.netns.NetNs;
import io.github.cni4j.result.Result;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Podman (4.3, CNI backend) and cni4j on one network: cni4j reads the network Podman wrote and the cache entry of a
 * Podman container, CHECKs and DELs that attachment, and attaches a netns of its own that reaches the container both
 * ways. Podman runs with private storage and config (a temp dir); only the CNI cache is the host's /var/lib/cni,
 * where Podman 4.3 keeps it, and of that only this test's network and container are touched.
 */
@Tag("integration")
class PodmanInteropIT {

    static final String NET = "c4j-pnet";
    static final String BRIDGE = "c4jp0";
    static final String CTR = "c4j-pctr";
    static final Path CNI_STATE = Path.of("/var/lib/cni");

    static Podman podman;

    @BeforeAll
    static void startContainer() throws Exception {
        Prerequisites.requireRootAndPlugins("bridge", "host-local", "portmap", "firewall", "tuning");
        Prerequisites.requireCommand("podman", "podman");
        Prerequisites.requireCommand("runc", "runc");
        Prerequisites.require(Files.isExecutable(Path.of("/bin/busybox")),
                "/bin/busybox (apt-get install busybox-static)");
        podman = Podman.start(Files.createTempDirectory("c4j-podman"));
        podman.importBusybox();
        podman.run("network", "create", "--disable-dns", "--subnet", "10.231.7.0/24", NET);
        // Podman 4.3 has no option for the bridge's name; its CNI backend re-reads the file on every command.
        Path file = podman.confDir().resolve(NET + ".conflist");
        String conf = Files.readString(file);
        assertThat(conf).contains("\"cni-podman");
        Files.writeString(file, conf.replaceAll("\"cni-podman\\d+\"", "\"" + BRIDGE + "\""));
        podman.run("run", "-d", "--name", CTR, "--network", NET,
                "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
                Podman.IMAGE, "/bin/sleep", "300");
    }

    @AfterAll
    static void cleanUp() {
        if (podman != null) {
            podman.close(NET, CTR);
            Prerequisites.shQuiet("rm", "-rf", CNI_STATE.resolve("networks").resolve(NET).toString());
        }
    }

    @Test
    void cni4jReadsChecksDeletesPodmansAttachmentAndItsNetnsReachesTheContainer() throws Exception {
        String id = podman.run("inspect", "--format", "{{.Id}}", CTR).strip();
        String sandbox = podman.run("inspect", "--format", "{{.NetworkSettings.SandboxKey}}", CTR).strip();
        NetworkConfigList list = ConfLoader.loadConfList(podman.confDir(), NET);
        assertThat(list.plugins()).extracting(p -> p.type())
                .containsExactly("bridge", "portmap", "firewall", "tuning");
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Prerequisites.PLUGIN_DIR)).cacheDir(CNI_STATE)
                .timeout(Duration.ofSeconds(30)).build();

        // Podman's cache entry, as cni4j reads it.
        List<CachedAttachment> cached = invoker.cachedAttachments(id);
        assertThat(cached).hasSize(1);
        CachedAttachment a = cached.get(0);
        assertThat(a.networkName()).isEqualTo(NET);
        assertThat(a.ifName()).isEqualTo("eth0");
        assertThat(a.cniArgs()).anySatisfy(e -> assertThat(e.getKey()).isEqualTo("K8S_POD_NAME"));
        assertThat(a.capabilityArgs()).containsKey("aliases");
        RuntimeConf podmanRt = RuntimeConf.builder().containerId(id).netNs(sandbox).ifName("eth0").build();
        Optional<CachedAttachment> cc = invoker.cachedConfig(list, podmanRt);
        assertThat(cc).isPresent();
        assertThat(cc.get().cniArgs()).isEqualTo(a.cniArgs());
        RuntimeConf rt = podmanRt.toBuilder().args(cc.get().cniArgs()).capabilityArgs(cc.get().capabilityArgs()).build();
        Result podmanResult = invoker.cachedResult(list, rt).orElseThrow();
        String ctrIp = podmanResult.ips().get(0).address().address().getHostAddress();
        assertThat(ctrIp).startsWith("10.231.7.");

        // CHECK of Podman's attachment, the whole chain as Podman wrote it (portmap passes: no port mappings).
        invoker.check(list, rt);

        String nsName = TestNames.netns();
        String nsId = TestNames.containerId();
        NetNs ns = NetNs.create(nsName);
        try {
            RuntimeConf mine = RuntimeConf.builder().containerId(nsId).netNs(ns.path().toString()).ifName("eth0")
                    .build();
            try {
                Result r = invoker.add(list, mine);
                String myIp = r.ips().get(0).address().address().getHostAddress();
                assertThat(myIp).startsWith("10.231.7.").isNotEqualTo(ctrIp);
                Prerequisites.sh("ip", "netns", "exec", nsName, "ping", "-c", "1", "-W", "2", ctrIp);
                podman.run("exec", CTR, "ping", "-c", "1", "-W", "2", myIp);
                invoker.check(list, mine);
            } finally {
                invoker.del(list, mine);
            }
        } finally {
            ns.delete();
        }
        assertThat(invoker.cachedAttachments(nsId)).isEmpty();

        // DEL of Podman's attachment: the entry is gone, the container is off the network.
        invoker.del(list, rt);
        assertThat(invoker.cachedAttachments(id)).isEmpty();
        assertThat(CNI_STATE.resolve("results").resolve(NET + "-" + id + "-eth0")).doesNotExist();
        assertThat(podman.run("exec", CTR, "ip", "-o", "addr")).doesNotContain(ctrIp);
        // Podman's own teardown after cni4j's DEL: no cache entry left, the plugins run on the config alone.
        podman.run("rm", "-f", "-t", "0", CTR);
        assertThat(podman.run("ps", "-a", "-q")).isBlank();
    }
}
