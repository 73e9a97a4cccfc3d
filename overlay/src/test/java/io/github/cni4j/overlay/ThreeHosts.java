package io.github.cni4j.overlay;

import static io.github.cni4j.overlay.Shell.run;
import static io.github.cni4j.overlay.Shell.sh;

import io.github.cni4j.Cni;
import io.github.cni4j.netns.NetNs;
import io.github.cni4j.overlay.internal.NetlinkDataPlane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The simulated hosts of {@link OverlayThreeHostsRootTest}: namespaces c4j-ovh1..3 joined by veths to the bridge
 * c4jul0 inside the underlay namespace c4j-ovul (10.251.0.1-3/24), container namespaces c4j-ovc1..3, per-host conf,
 * cache and data dirs, and the agents, data planes and attachments the test makes (all torn down by close).
 */
final class ThreeHosts implements AutoCloseable {
    static final String UNDERLAY_NS = "c4j-ovul";
    private static final int ECHO_PORT = 7777;
    private final Path work;
    private final NetNs[] hostNs = new NetNs[3];
    private final NetNs[] containerNs = new NetNs[3];
    private final ServerSocket[] echo = new ServerSocket[3];
    final OverlayAgent[] agents = new OverlayAgent[3];
    final NetlinkDataPlane[] planes = new NetlinkDataPlane[3];
    final Cni[] cnis = new Cni[3];
    final String[] ips = new String[3];

    ThreeHosts(Path work) {
        this.work = work;
    }

    static String hostName(int i) {
        return "c4j-ovh" + (i + 1);
    }

    static String containerName(int i) {
        return "c4j-ovc" + (i + 1);
    }

    static Path containerPath(int i) {
        return Path.of("/run/netns", containerName(i));
    }

    static String underlay(int i) {
        return "10.251.0." + (i + 1);
    }

    static List<Integer> others(int i, List<Integer> all) {
        return all.stream().filter(j -> j != i).toList();
    }

    private static List<String> namespaces() {
        List<String> all = new ArrayList<>(List.of(UNDERLAY_NS));
        for (int i = 0; i < 3; i++) {
            all.add(hostName(i));
            all.add(containerName(i));
        }
        return all;
    }

    /** Fails under CI=true, skips otherwise, when root, etcd, iproute2, ping or the CNI plugins are missing. */
    static void requirePrerequisites(String test) throws IOException {
        String why = null;
        String status = Files.readString(Path.of("/proc/self/status"));
        if (!status.lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"))) {
            why = "needs root (network namespaces, VXLAN devices, CNI plugins)";
        }
        for (String tool : List.of(LocalEtcd.BINARY.toString(), "/usr/sbin/ip", "/usr/sbin/bridge", "/usr/bin/ping",
                "/usr/lib/cni/bridge", "/usr/lib/cni/host-local", "/usr/lib/cni/portmap", "/usr/lib/cni/firewall",
                "/usr/lib/cni/loopback")) {
            if (why == null && !Files.isExecutable(Path.of(tool))) {
                why = "needs " + tool + " (etcd-server, iproute2, iputils-ping, containernetworking-plugins)";
            }
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(test + " cannot run under CI=true: " + why);
            }
            Assumptions.abort("skipped: " + why);
        }
    }

    static void removeLeftovers() throws Exception {
        for (String ns : namespaces()) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                run("ip", "netns", "del", ns);
            }
        }
    }

    Path work() {
        return work;
    }

    Path confDir(int i) {
        return work.resolve("host" + (i + 1)).resolve("conf");
    }

    Path cacheDir(int i) {
        return work.resolve("host" + (i + 1)).resolve("cache");
    }

    Path dataDir(int i) {
        return work.resolve("host" + (i + 1)).resolve("data");
    }

    NetNs host(int i) {
        return hostNs[i];
    }

    void createNamespaces() throws Exception {
        for (String ns : namespaces()) {
            sh("ip", "netns", "add", ns);
        }
        sh("ip", "-n", UNDERLAY_NS, "link", "add", "c4jul0", "type", "bridge");
        sh("ip", "-n", UNDERLAY_NS, "link", "set", "c4jul0", "up");
        for (int i = 0; i < 3; i++) {
            String port = "c4j-ovu" + (i + 1);
            sh("ip", "link", "add", port, "netns", UNDERLAY_NS, "type", "veth", "peer", "name", "c4j-ul", "netns",
                    hostName(i));
            sh("ip", "-n", UNDERLAY_NS, "link", "set", port, "master", "c4jul0", "up");
            sh("ip", "-n", hostName(i), "addr", "add", underlay(i) + "/24", "dev", "c4j-ul");
            sh("ip", "-n", hostName(i), "link", "set", "c4j-ul", "up");
            sh("ip", "-n", hostName(i), "link", "set", "lo", "up");
            hostNs[i] = NetNs.open(Path.of("/run/netns", hostName(i)));
            containerNs[i] = NetNs.open(containerPath(i));
            Files.createDirectories(confDir(i));
            Files.createDirectories(cacheDir(i));
            Files.createDirectories(dataDir(i));
        }
    }

    /** One ping from container {@code from} to {@code ip}, retried up to three times; the last output. */
    String ping(int from, String ip) throws Exception {
        Shell.Result r = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            r = run("ip", "netns", "exec", containerName(from), "ping", "-c1", "-W2", ip);
            if (r.rc() == 0) {
                break;
            }
        }
        return r.out();
    }

    /** An echo server on port 7777 inside container i: answers each line with "line from peer-ip". */
    void startEcho(int i) {
        ServerSocket server = containerNs[i].call(() -> new ServerSocket(ECHO_PORT));
        echo[i] = server;
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(3000);
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                    out.println(line + " from " + s.getInetAddress().getHostAddress());
                } catch (IOException e) {
                    // closed, or a client gave up: serve the next one
                }
            }
        }, "c4j-ov-echo-" + (i + 1));
        t.setDaemon(true);
        t.start();
    }

    /** Sends one line over TCP from container {@code from} to {@code ip}:7777 and returns the answer. */
    String echo(int from, String ip, String line) {
        return containerNs[from].call(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip, ECHO_PORT), 3000);
                s.setSoTimeout(3000);
                new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(line);
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            }
        });
    }

    /** DELs container i's attachments (inside host i's namespace, where the plugins must run). */
    void detach(int i) {
        Cni cni = cnis[i];
        if (cni != null) {
            hostNs[i].run(() -> cni.detach(containerName(i), containerPath(i)));
            cnis[i] = null;
        }
    }

    /** The links of every host namespace, for a final check and for failure messages. */
    String describe() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(hostName(i)).append(":\n").append(run("ip", "-n", hostName(i), "-o", "link", "show").out());
        }
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int h = i;
            attempt(errors, () -> detach(h));
            if (echo[i] != null) {
                attempt(errors, () -> echo[h].close());
            }
            if (agents[i] != null) {
                attempt(errors, () -> agents[h].close());
                agents[i] = null;
            }
            if (planes[i] != null) {
                attempt(errors, () -> planes[h].close());
            }
            for (NetNs ns : new NetNs[] {hostNs[i], containerNs[i]}) {
                if (ns != null) {
                    attempt(errors, ns::close);
                }
            }
        }
        removeLeftovers();
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError("cleanup of the three hosts had " + errors.size() + " errors");
            errors.forEach(e::addSuppressed);
            throw e;
        }
    }

    void deleteWorkDir() throws IOException {
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> all = Files.walk(work)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void attempt(List<Throwable> errors, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            errors.add(e);
        }
    }
}
