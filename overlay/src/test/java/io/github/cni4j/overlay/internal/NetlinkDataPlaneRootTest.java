package io.github.cni4j.overlay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cni4j.netns.NetNs;
import io.github.cni4j.error.CniException;
import io.github.cni4j.overlay.internal.DataPlane.Peer;
import io.github.cni4j.overlay.internal.DataPlane.Underlay;
import io.github.cni4j.overlay.internal.DataPlane.Vxlan;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The netlink data plane on a real kernel: two "hosts" (network namespaces c4j-onl-a and c4j-onl-b joined by a
 * veth pair with 10.250.0.1/24 and 10.250.0.2/24), a VXLAN device in each and a ping across. Needs root; fails
 * under CI=true without it, is skipped otherwise.
 */
class NetlinkDataPlaneRootTest {

    private static final String A = "c4j-onl-a";
    private static final String B = "c4j-onl-b";
    private static final String DEV = "c4jv-onl";
    private static final int VNI = 4242;
    private static final int PORT = 4789;
    private static NetlinkDataPlane planeA;
    private static NetlinkDataPlane planeB;

    @BeforeAll
    static void hosts() throws Exception {
        String why = missing();
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("NetlinkDataPlaneRootTest cannot run under CI=true: " + why);
            }
            Assumptions.abort("skipped: " + why);
        }
        cleanup();
        sh("ip", "netns", "add", A);
        sh("ip", "netns", "add", B);
        sh("ip", "link", "add", "c4j-onl-va", "netns", A, "type", "veth", "peer", "name", "c4j-onl-vb", "netns", B);
        int n = 1;
        for (String ns : List.of(A, B)) {
            String veth = ns.equals(A) ? "c4j-onl-va" : "c4j-onl-vb";
            sh("ip", "-n", ns, "addr", "add", "10.250.0." + n + "/24", "dev", veth);
            sh("ip", "-n", ns, "link", "set", veth, "up");
            sh("ip", "-n", ns, "link", "set", "lo", "up");
            // The "container" address behind each host's VTEP (no dummy driver here: on lo).
            sh("ip", "-n", ns, "addr", "add", "10.200." + n + ".1/32", "dev", "lo");
            n++;
        }
        planeA = open(A);
        planeB = open(B);
    }

    private static NetlinkDataPlane open(String ns) {
        try (NetNs netns = NetNs.open(Path.of("/run/netns", ns))) {
            return netns.call(NetlinkDataPlane::new);
        }
    }

    @AfterAll
    static void removeHosts() throws Exception {
        for (NetlinkDataPlane p : new NetlinkDataPlane[] {planeA, planeB}) {
            if (p != null) {
                p.close();
            }
        }
        if (missing() == null) {
            cleanup();
        }
    }

    private static void cleanup() throws Exception {
        for (String ns : List.of(A, B)) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                run("ip", "netns", "del", ns);
            }
        }
    }

    private static String missing() throws IOException {
        String status = Files.readString(Path.of("/proc/self/status"));
        if (!status.lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"))) {
            return "needs root (network namespaces and VXLAN devices)";
        }
        for (String tool : List.of("/usr/sbin/ip", "/usr/sbin/bridge", "/usr/bin/ping")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return "needs " + tool + " (iproute2, iputils-ping) for the test setup";
            }
        }
        return null;
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static String sh(String... cmd) throws Exception {
        Result r = run(cmd);
        if (r.rc != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + r.rc + "): " + r.out);
        }
        return r.out;
    }

    private record Result(int rc, String out) {}

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out);
    }

    private static Vxlan vxlan(Underlay u, String local, String vtep) throws Exception {
        return new Vxlan(DEV, VNI, PORT, ip(local), u.index(), u.mtu() - 50, vtep);
    }

    @Test
    void twoHostsPingAcrossTheVxlanAndPeersReadBack() throws Exception {
        Underlay ua = planeA.underlay(ip("10.250.0.1"));
        Underlay ub = planeB.underlay(ip("10.250.0.2"));
        assertThat(ua.device()).isEqualTo("c4j-onl-va");
        assertThat(ua.mtu()).isEqualTo(1500);
        String macA = planeA.ensureVxlan(vxlan(ua, "10.250.0.1", "10.200.1.0/32"));
        String macB = planeB.ensureVxlan(vxlan(ub, "10.250.0.2", "10.200.2.0/32"));
        assertThat(planeA.ensureVxlan(vxlan(ua, "10.250.0.1", "10.200.1.0/32"))).isEqualTo(macA);
        assertThat(macA).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}").isNotEqualTo(macB);
        String link = sh("ip", "-n", A, "-d", "link", "show", DEV);
        assertThat(link).contains("vxlan id " + VNI, "local 10.250.0.1", "dev c4j-onl-va", "dstport " + PORT,
                "nolearning", "mtu 1450", "UP");
        assertThat(sh("ip", "-n", A, "addr", "show", DEV)).contains("inet 10.200.1.0/32");

        Peer toB = new Peer("10.200.2.0/24", ip("10.200.2.0"), macB, ip("10.250.0.2"));
        Peer toA = new Peer("10.200.1.0/24", ip("10.200.1.0"), macA, ip("10.250.0.1"));
        planeA.addPeer(DEV, toB);
        planeA.addPeer(DEV, toB);
        planeB.addPeer(DEV, toA);
        assertThat(sh("ip", "-n", A, "route", "show", "dev", DEV)).contains("10.200.2.0/24 via 10.200.2.0 onlink");
        assertThat(sh("ip", "-n", A, "neigh", "show", "dev", DEV)).contains("10.200.2.0 lladdr " + macB + " PERMANENT");
        assertThat(sh("bridge", "-n", A, "fdb", "show", "dev", DEV)).contains(macB + " dst 10.250.0.2 self permanent");
        assertThat(planeA.peers(DEV)).containsExactly(toB);
        assertThat(planeB.peers(DEV)).containsExactly(toA);

        assertThat(sh("ip", "netns", "exec", A, "ping", "-c1", "-W2", "-I", "10.200.1.1", "10.200.2.1"))
                .contains("1 received");
        assertThat(sh("ip", "netns", "exec", B, "ping", "-c1", "-W2", "10.200.1.0")).contains("1 received");

        planeA.removePeer(DEV, toB);
        planeA.removePeer(DEV, toB);
        assertThat(sh("ip", "-n", A, "route", "show", "dev", DEV)).doesNotContain("10.200.2.0/24");
        assertThat(sh("ip", "-n", A, "neigh", "show", "dev", DEV)).doesNotContain(macB);
        assertThat(sh("bridge", "-n", A, "fdb", "show", "dev", DEV)).doesNotContain(macB);
        assertThat(planeA.peers(DEV)).isEmpty();
        assertThat(run("ip", "netns", "exec", A, "ping", "-c1", "-W1", "-I", "10.200.1.1", "10.200.2.1").rc)
                .isNotZero();

        assertThatThrownBy(() -> planeA.ensureVxlan(new Vxlan("c4jv-onl2", VNI, PORT, ip("10.250.0.1"),
                ua.index(), 1450, "10.200.9.0/32")))
                .isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("VXLAN id " + VNI).hasMessageContaining("port " + PORT)
                .hasMessageContaining(DEV);
        assertThat(sh("ip", "-n", A, "link", "show")).doesNotContain("c4jv-onl2");

        planeB.deleteVxlan(DEV);
        planeB.deleteVxlan(DEV);
        assertThat(sh("ip", "-n", B, "link", "show")).doesNotContain(DEV);
        assertThat(planeB.peers(DEV)).isEmpty();
        planeB.removePeer(DEV, toA);
    }

    @Test
    void portInUseByASocketIsNamed() throws Exception {
        Underlay ua = planeA.underlay(ip("10.250.0.1"));
        try (NetNs ns = NetNs.open(Path.of("/run/netns", A));
                DatagramSocket taken = ns.call(() -> new DatagramSocket(4999))) {
            assertThatThrownBy(() -> planeA.ensureVxlan(new Vxlan("c4jv-onlp", 77, 4999, ip("10.250.0.1"),
                    ua.index(), 1450, "10.200.8.0/32")))
                    .isExactlyInstanceOf(CniException.class)
                    .hasMessageContaining("UDP port 4999").hasMessageContaining("c4jv-onlp")
                    .hasMessageContaining("EADDRINUSE");
        } finally {
            planeA.deleteVxlan("c4jv-onlp");
        }
    }

    @Test
    void existingDeviceGetsNewMtuAndAddressOrIsMadeAgainForAnotherVni() throws Exception {
        Underlay ua = planeA.underlay(ip("10.250.0.1"));
        String dev = "c4jv-onlm";
        try {
            String mac = planeA.ensureVxlan(new Vxlan(dev, 5000, PORT, ip("10.250.0.1"), ua.index(), 1450,
                    "10.201.1.0/32"));
            String index = sh("ip", "-n", A, "-o", "link", "show", dev).split(":")[0];
            assertThat(planeA.ensureVxlan(new Vxlan(dev, 5000, PORT, ip("10.250.0.1"), ua.index(), 1400,
                    "10.201.2.0/32"))).isEqualTo(mac);
            String link = sh("ip", "-n", A, "-o", "link", "show", dev);
            assertThat(link).startsWith(index + ":").contains("mtu 1400");
            String addr = sh("ip", "-n", A, "addr", "show", dev);
            assertThat(addr).contains("inet 10.201.2.0/32").doesNotContain("10.201.1.0");

            planeA.ensureVxlan(new Vxlan(dev, 5001, PORT, ip("10.250.0.1"), ua.index(), 1400, "10.201.2.0/32"));
            assertThat(sh("ip", "-n", A, "-d", "link", "show", dev)).contains("vxlan id 5001");
            assertThat(sh("ip", "-n", A, "-o", "link", "show", dev)).doesNotStartWith(index + ":");
        } finally {
            planeA.deleteVxlan(dev);
        }
        assertThatThrownBy(() -> planeA.deleteVxlan("c4j-onl-va")).isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("not a VXLAN device");
        assertThatThrownBy(() -> planeA.ensureVxlan(new Vxlan("c4j-onl-va", 5002, PORT, ip("10.250.0.1"),
                ua.index(), 1400, "10.201.3.0/32"))).hasMessageContaining("is not a VXLAN device (kind veth)");
    }

    @Test
    void advertiseAddressNotOnTheHostNamesTheAddresses() throws Exception {
        assertThatThrownBy(() -> planeA.underlay(ip("192.0.2.77")))
                .isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("192.0.2.77 is not on this host")
                .hasMessageContaining("10.250.0.1").hasMessageContaining("127.0.0.1");
    }

    @Test
    void deletingAMissingDeviceIsFine() {
        planeA.deleteVxlan("c4jv-none");
        assertThat(planeA.peers("c4jv-none")).isEmpty();
    }
}
