package io.github.cni4j.examples.cnitool;

import io.github.cni4j.error.CniException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.netns.NetNs;
import io.github.cni4j.result.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The steps of the walkthrough, each under a heading, with the shell command it stands for. */
final class DemoScenario {

    private static final int STEPS = 9;
    private static final int PORT = 6379; // the material's redis; the server here answers PING with +PONG

    private final DemoSetup setup;
    private final CniInvoker invoker;
    private final DemoCleanup cleanup;
    private final PrintStream out;
    private final String netns;
    private final java.util.Optional<DemoPause> pause;
    private int step;
    private String ip = "";

    DemoScenario(DemoSetup setup, CniInvoker invoker, DemoCleanup cleanup, PrintStream out) {
        this.setup = setup;
        this.invoker = invoker;
        this.cleanup = cleanup;
        this.out = out;
        this.netns = setup.netnsPath().toString();
        this.pause = DemoPause.fromEnv(System.getenv());
    }

    /** Plays every step; returns false (after printing why) at the first that fails. */
    boolean play() {
        try {
            out.printf("cni4j demo: the cnitool walkthrough on bridge %s, subnet %s%n", setup.bridge(),
                    setup.subnet());
            out.printf("(config, cache and IPAM files in %s; /etc/cni and /var/lib/cni are not touched)%n",
                    setup.workDir());
            NetworkConfigList network = writeConfig();
            RuntimeConf rt = cleanup.runtimeConf();
            attach(network, rt);
            heading("reach a TCP server inside the namespace from the host", "redis-cli -h " + ip + " ping");
            talkToServer(ip);
            detach(network, rt);
            heading("nothing is left behind", "ls /var/lib/cni/results /var/lib/cni/networks/...; ip link");
            return DemoChecks.nothingLeft(setup, rt.containerId(), out);
        } catch (CniException | ToolException | UncheckedIOException e) {
            out.println("FAILED: " + e.getMessage());
            return false;
        } finally {
            out.flush();
        }
    }

    /** Steps 2 to 5: netns, ADD, CHECK, ip addr. */
    private void attach(NetworkConfigList network, RuntimeConf rt) {
        heading("create the network namespace", "ip netns add " + setup.netnsName());
        cleanup.guarded(() -> {
            NetNs.create(setup.netnsName()).close();
            return null;
        });
        out.println(netns);
        heading("ADD it to the network", "cnitool add " + setup.network() + " " + netns);
        Result result = cleanup.guarded(() -> invoker.add(network, rt));
        out.println(GoIndent.indent(result.toBytes()));
        ip = containerAddress(result);
        heading("CHECK the attachment", "cnitool check " + setup.network() + " " + netns);
        cleanup.guarded(() -> {
            invoker.check(network, rt);
            return null;
        });
        out.println("ok: the plugins confirm the attachment");
        heading("show the namespace's addresses", "ip -n " + setup.netnsName() + " addr");
        showCommand("ip", "-n", setup.netnsName(), "addr");
    }

    /** Steps 7 and 8: DEL, then the namespace goes. */
    private void detach(NetworkConfigList network, RuntimeConf rt) {
        heading("DEL the attachment", "cnitool del " + setup.network() + " " + netns);
        cleanup.guarded(() -> {
            invoker.del(network, rt);
            return null;
        });
        out.println("ok");
        heading("delete the namespace", "ip netns del " + setup.netnsName());
        cleanup.guarded(() -> {
            NetNs.delete(setup.netnsName());
            return null;
        });
        out.println("ok");
    }

    private NetworkConfigList writeConfig() {
        heading("write the network config", "cat > " + setup.confFile());
        try {
            Files.createDirectories(setup.confDir());
            Files.createDirectories(setup.cacheDir());
            Files.createDirectories(setup.ipamDir());
            Files.writeString(setup.confFile(), setup.config());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + setup.confFile(), e);
        }
        out.print(setup.config());
        // Loaded the way `cnitool add` loads it: by name from NETCONFPATH, the single .conf upgraded to a list.
        return ConfLoader.loadConfList(setup.confDir(), setup.network());
    }

    private void heading(String title, String command) {
        out.printf("%n== Step %d/%d: %s%n   $ %s%n", ++step, STEPS, title, command);
        out.flush();
        pause.ifPresent(p -> p.at(step, out));
    }

    private void showCommand(String... command) {
        HostCommands.Output o = HostCommands.run(command);
        out.print(o.out());
        if (!o.ok()) {
            throw new ToolException(String.join(" ", command) + " failed: " + o.err().strip());
        }
    }

    private static String containerAddress(Result result) {
        List<String> v4 = new ArrayList<>();
        result.ips().forEach(ipc -> {
            if (ipc.address().isIpv4()) {
                v4.add(ipc.address().address().getHostAddress());
            }
        });
        if (v4.isEmpty()) {
            throw new ToolException("the ADD result has no IPv4 address");
        }
        return v4.get(0);
    }

    /** A one-line PING/+PONG server made inside the namespace; the host connects to the container's address. */
    private void talkToServer(String ip) {
        NetNs ns = NetNs.open(setup.netnsPath());
        try (ns; ServerSocketChannel server = ns.call(() -> {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress("0.0.0.0", PORT));
            return s;
        })) {
            out.printf("server listening on 0.0.0.0:%d inside %s%n", PORT, setup.netnsName());
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> serveOne(server));
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(ip, PORT), 5000);
                client.setSoTimeout(5000);
                OutputStream os = client.getOutputStream();
                os.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                os.flush();
                String reply = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                out.printf("host -> %s:%d: PING%n%s:%d -> host: %s%n", ip, PORT, ip, PORT, reply);
                out.println("the server saw the host as " + served.get(5, TimeUnit.SECONDS)
                        + " (the bridge's gateway address)");
                if (!"+PONG".equals(reply)) {
                    throw new ToolException("expected +PONG from the server, got " + reply);
                }
            }
        } catch (IOException e) {
            throw new ToolException("cannot reach " + ip + ":" + PORT + " from the host: " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ToolException("the server inside the namespace failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted", e);
        }
    }

    private static String serveOne(ServerSocketChannel server) {
        try (Socket s = server.socket().accept()) {
            s.setSoTimeout(5000);
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            s.getOutputStream().write(("PING".equals(line) ? "+PONG\r\n" : "-ERR unknown command\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return ((InetSocketAddress) s.getRemoteSocketAddress()).getAddress().getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
