package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.examples.cnitool.Launcher.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cnitool network create|ls|inspect|rm} with Docker's options, and a container attached to the result. */
@Tag("integration")
class NetworkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private TestNetwork net;

    private static final Path HOST_LOCAL_HOME = Path.of("/var/lib/cni");
    private boolean hostLocalHomeExisted;

    @BeforeEach
    void setUp() throws Exception {
        ItPrerequisites.requireRootAndPlugins("bridge", "host-local", "portmap", "firewall", "tuning");
        hostLocalHomeExisted = Files.exists(HOST_LOCAL_HOME);
        net = new TestNetwork(tmp, "1.0.0");
        Files.delete(net.confDir.resolve("10-" + net.network + ".conflist")); // the manager writes its own
    }

    @AfterEach
    void cleanUp() {
        if (net != null) {
            net.close();
            // `network create` keeps host-local's default data dir; its (empty after DEL) state dir goes too, and
            // /var/lib/cni itself when this test is what made it.
            ItPrerequisites.sh("rm", "-rf", HOST_LOCAL_HOME.resolve("networks/c4jweb-" + net.suffix).toString());
            if (!hostLocalHomeExisted) {
                ItPrerequisites.sh("rm", "-rf", HOST_LOCAL_HOME.toString());
            }
        }
    }

    @Test
    void createListInspectAttachAndRemoveLikeDocker() throws Exception {
        String name = "c4jweb-" + net.suffix;
        String gateway = Subnets.host(net.subnet, 1);
        String range = Subnets.host(net.subnet, 128) + "/25";
        Run create = Launcher.cnitool(net.env, "network", "create", "-d", "bridge", "--subnet", net.subnet,
                "--gateway", gateway, "--ip-range", range, "-o", "com.docker.network.bridge.name=" + net.bridge,
                "-o", "com.docker.network.driver.mtu=1400", "--label", "team=c4j", name);
        assertThat(create.status()).as(create.toString()).isZero();
        String id = create.out().strip();
        assertThat(id).matches("[0-9a-f]{64}");

        Run ls = Launcher.cnitool(net.env, "network", "ls");
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).startsWith("NETWORK ID").contains(id.substring(0, 12) + "  " + name);
        Run quiet = Launcher.cnitool(net.env, "network", "ls", "-q");
        assertThat(quiet.out()).isEqualTo(id.substring(0, 12) + "\n");

        Run inspect = Launcher.cnitool(net.env, "network", "inspect", id.substring(0, 8));
        assertThat(inspect.status()).as(inspect.toString()).isZero();
        JsonNode docker = JSON.readTree(inspect.out()).get(0);
        assertThat(docker.get("Name").textValue()).isEqualTo(name);
        assertThat(docker.at("/IPAM/Config/0/Subnet").textValue()).isEqualTo(net.subnet);
        assertThat(docker.at("/IPAM/Config/0/Gateway").textValue()).isEqualTo(gateway);
        assertThat(docker.at("/IPAM/Config/0/IPRange").textValue()).isEqualTo(range);
        assertThat(docker.at("/Labels/team").textValue()).isEqualTo("c4j");

        // The network works: a container gets an address from the --ip-range, on the named bridge, MTU 1400.
        String ns = net.netns();
        Run add = Launcher.cnitool(net.env, "add", name, ns);
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(JSON.readTree(add.out()).at("/ips/0/address").textValue())
                .startsWith(Subnets.host(net.subnet, 129) + "/");
        assertThat(ItPrerequisites.sh("ip", "link", "show", net.bridge)).contains("mtu 1400");

        Run busy = Launcher.cnitool(net.env, "network", "rm", name);
        assertThat(busy.status()).as(busy.toString()).isEqualTo(1);
        assertThat(busy.err()).contains("is in use");

        Run del = Launcher.cnitool(net.env, "del", name, ns);
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(ItPrerequisites.sh("iptables", "-S", "CNI-ISOLATION-STAGE-1")).as("the firewall plugin's rules")
                .contains(" " + net.bridge + " ");
        Run rm = Launcher.cnitool(net.env, "network", "rm", name);
        assertThat(rm.status()).as(rm.toString()).isZero();
        assertThat(rm.out()).isEqualTo(name + "\n");
        for (String chain : List.of("CNI-ISOLATION-STAGE-1", "CNI-ISOLATION-STAGE-2")) {
            assertThat(ItPrerequisites.sh("iptables", "-S", chain)).as(chain).doesNotContain(" " + net.bridge + " ");
        }
        try (var files = Files.list(net.confDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".conflist"))).isEmpty();
        }
    }

    @Test
    void dockerOptionErrorsAreClear() {
        Run driver = Launcher.cnitool(net.env, "network", "create", "-d", "overlay", "c4jx");
        assertThat(driver.status()).as(driver.toString()).isEqualTo(2);
        assertThat(driver.err()).contains("create -d overlay needs --cluster-store etcd://IP:PORT");
        Run noSubnet = Launcher.cnitool(net.env, "network", "create", "--gateway", "10.1.1.1", "c4jx");
        assertThat(noSubnet.status()).as(noSubnet.toString()).isEqualTo(2);
        assertThat(noSubnet.err()).contains("cannot set gateway or ip-range without subnet");
        Run unknown = Launcher.cnitool(net.env, "network", "inspect", "c4j-no-such-network");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("no network found matching: c4j-no-such-network");
        Run sub = Launcher.cnitool(Map.of(), "network", "connect", "x", "y");
        assertThat(sub.status()).isEqualTo(2);
        assertThat(sub.err()).contains("unknown sub-command \"connect\"");
    }
}
