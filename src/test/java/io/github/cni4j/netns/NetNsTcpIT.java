package io.github.cni4j.netns;

import io.github.cni4j.result.IpPrefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A server whose socket was made inside a namespace answers over a veth pair the test builds itself. */
@Tag("integration")
class NetNsTcpIT {

    private final NetNsItSupport support = new NetNsItSupport();

    @BeforeEach
    void prerequisites() {
        Prerequisites.requireRootAndPlugins();
    }

    @AfterEach
    void cleanup() {
        support.cleanup();
    }

    @Test
    void serverStartedInsideAnswersTheHostOverVeth() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String suffix = Integer.toHexString(0x100000 + r.nextInt(0xf00000));
        String hostIf = "c4jv" + suffix;
        String nsIf = "c4jp" + suffix;
        // A random /30 in 10.250.0.0/16: .1 on the host end, .2 in the namespace.
        int third = r.nextInt(256);
        int base = 4 * r.nextInt(64);
        String hostIp = "10.250." + third + "." + (base + 1);
        String nsIp = "10.250." + third + "." + (base + 2);

        String name = support.track(TestNames.netns());
        try (NetNs ns = NetNs.create(name)) {
            support.trackHostLink(hostIf);
            Prerequisites.sh("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
            Prerequisites.sh("ip", "link", "set", nsIf, "netns", name);
            Prerequisites.sh("ip", "addr", "add", hostIp + "/30", "dev", hostIf);
            Prerequisites.sh("ip", "link", "set", hostIf, "up");
            Prerequisites.sh("ip", "-n", name, "addr", "add", nsIp + "/30", "dev", nsIf);
            Prerequisites.sh("ip", "-n", name, "addr", "add", "fd00:c4::2/64", "dev", nsIf, "nodad");
            Prerequisites.sh("ip", "-n", name, "link", "set", nsIf, "up");
            Prerequisites.sh("ip", "-n", name, "link", "set", "lo", "up");

            assertInterfaceListing(ns, name, nsIf, nsIp);

            // Bound to the wildcard address: only the namespace's own addresses can reach it.
            ServerSocket server = ns.call(() -> new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0")));
            try (server) {
                AtomicReference<Throwable> serverFailure = new AtomicReference<>();
                Thread acceptor = new Thread(() -> serveOnce(server, serverFailure), "c4j-acceptor");
                acceptor.start();
                String answer = ask(nsIp, server.getLocalPort());
                acceptor.join(30_000);
                assertThat(serverFailure.get()).isNull();
                assertThat(answer).isEqualTo("pong");
            }
            ns.delete();
        }
    }

    private static void assertInterfaceListing(NetNs ns, String name, String nsIf, String nsIp) {
        NetNs.Interface veth = ns.interfaces().stream().filter(i -> i.name().equals(nsIf)).findFirst().orElseThrow();
        assertThat(veth.isUp()).isTrue();
        assertThat(veth.isLoopback()).isFalse();
        assertThat(veth.mtu()).isEqualTo(1500);
        String ipLink = Prerequisites.sh("ip", "-n", name, "-o", "link", "show", nsIf);
        assertThat(veth.mac()).hasValueSatisfying(mac -> assertThat(ipLink).contains("link/ether " + mac));
        assertThat(ipLink).startsWith(veth.index() + ": ");
        assertThat(veth.addresses()).extracting(IpPrefix::toString)
                .contains(nsIp + "/30", "fd00:c4::2/64");
        NetNs.Interface lo = ns.interfaces().stream().filter(NetNs.Interface::isLoopback).findFirst().orElseThrow();
        assertThat(lo.name()).isEqualTo("lo");
        assertThat(lo.addresses()).extracting(IpPrefix::toString).contains("127.0.0.1/8");
    }

    private static void serveOnce(ServerSocket server, AtomicReference<Throwable> failure) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(10_000);
            byte[] in = s.getInputStream().readNBytes(4);
            if (!"ping".equals(new String(in, StandardCharsets.US_ASCII))) {
                throw new AssertionError("server read " + new String(in, StandardCharsets.US_ASCII));
            }
            s.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static String ask(String ip, int port) throws Exception {
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(ip, port), 10_000);
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            out.write("ping".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        }
    }
}
