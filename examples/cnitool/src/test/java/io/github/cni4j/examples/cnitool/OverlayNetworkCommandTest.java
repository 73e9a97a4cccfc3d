package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code network create -d overlay|ls|inspect|rm} against the etcd of CNI4J_TEST_ETCD (scripts/test.sh starts
 * one); under CI=true a missing etcd fails.
 */
class OverlayNetworkCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String etcd() {
        String ep = System.getenv("CNI4J_TEST_ETCD");
        if (ep == null || ep.isBlank()) {
            String why = "CNI4J_TEST_ETCD is not set (scripts/test.sh starts etcd-server and sets it)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return "etcd://" + ep.replaceFirst("^https?://", "");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("NETCONFPATH", tmp.resolve("net.d").toString(),
                "CNI_CACHE_DIR", tmp.resolve("cache").toString());
        return new CniTool().run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createListInspectRemove() {
        String store = etcd();
        String name = "c4jov" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 40);
        int vni = ThreadLocalRandom.current().nextInt(100_000, 16_000_000);
        assertThat(run("network", "create", "-d", "overlay", "--subnet", "10.216.0.0/16", "-o",
                "com.docker.network.driver.overlay.vxlanid_list=" + vni, "-o", "com.docker.network.driver.mtu=1400",
                "--label", "team=blue", "--internal", "--cluster-store", store, name)).as(err()).isZero();
        assertThat(out()).isEqualTo(name + System.lineSeparator());
        try {
            assertThat(run("network", "ls", "--cluster-store", store)).as(err()).isZero();
            assertThat(out()).containsPattern("vni-" + vni + " +" + name + " +overlay +10.216.0.0/16");
            assertThat(run("network", "ls", "-q", "--cluster-store=" + store)).isZero();
            assertThat(out().lines()).contains(name);
            assertThat(run("network", "inspect", "--cluster-store", store, name)).as(err()).isZero();
            assertThat(out()).contains("\"Name\": \"" + name + "\"").contains("\"Driver\": \"overlay\"")
                    .contains("\"Scope\": \"global\"").contains("\"Subnet\": \"10.216.0.0/16\"")
                    .contains("\"Internal\": true").contains("\"team\": \"blue\"")
                    .contains("\"com.docker.network.driver.overlay.vxlanid_list\": \"" + vni + "\"")
                    .contains("\"com.docker.network.driver.mtu\": \"1400\"");

            assertThat(run("network", "create", "-d", "overlay", "--subnet", "10.217.0.0/16", "-o",
                    "com.docker.network.driver.overlay.vxlanid_list=" + vni, "--cluster-store", store, name + "b"))
                    .isEqualTo(1);
            assertThat(err()).contains("VXLAN id " + vni + " is in use by overlay network " + name);
        } finally {
            assertThat(run("network", "rm", "--cluster-store", store, name)).as(err()).isZero();
        }
        assertThat(out()).isEqualTo(name + System.lineSeparator());
        assertThat(run("network", "ls", "-q", "--cluster-store", store)).isZero();
        assertThat(out().lines()).doesNotContain(name);
    }

    @Test
    void optionErrorsAreClear() {
        String store = etcd();
        assertThat(run("network", "create", "-d", "overlay", "--subnet", "10.218.0.0/16", "-o", "foo=1",
                "--cluster-store", store, "c4jovx")).isEqualTo(1);
        assertThat(err()).contains("unknown overlay network option foo (known: ");
        assertThat(run("network", "create", "-d", "overlay", "--subnet", "10.218.0.0/16", "c4jovx")).isEqualTo(2);
        assertThat(err()).contains("create -d overlay needs --cluster-store etcd://IP:PORT");
        assertThat(run("network", "create", "-d", "overlay", "--cluster-store", store, "c4jovx")).isEqualTo(2);
        assertThat(err()).contains("--subnet is required");
        assertThat(run("network", "create", "-d", "overlay", "--gateway", "10.218.0.1", "--subnet", "10.218.0.0/16",
                "--cluster-store", store, "c4jovx")).isEqualTo(2);
        assertThat(err()).contains("unsupported flag --gateway");
        assertThat(run("network", "ls", "--cluster-store", "etcd://nonsense")).isEqualTo(2);
        assertThat(err()).contains("expected etcd://IP:PORT[,IP:PORT...]");
        assertThat(run("overlay", "agent", "--cluster-store", store)).isEqualTo(2);
        assertThat(err()).contains("agent needs --advertise-addr <ip>");
        assertThat(run("overlay", "agent", "--cluster-store", store, "--advertise-addr", "192.0.2.1",
                "--lease-ttl", "soon")).isEqualTo(2);
        assertThat(err()).contains("--lease-ttl soon: expected a duration");
        assertThat(OverlayCommand.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(OverlayCommand.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ClusterStore.endpoints("etcd://10.0.0.1:2379,10.0.0.2:2379"))
                .containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
    }

    @Test
    void unreachableStoreNamesTheEndpoints() {
        etcd();
        assertThat(run("network", "ls", "--cluster-store", "etcd://127.0.0.1:1,127.0.0.1:2")).isEqualTo(1);
        assertThat(err()).contains("etcd unreachable at http://127.0.0.1:1,http://127.0.0.1:2");
    }
}
