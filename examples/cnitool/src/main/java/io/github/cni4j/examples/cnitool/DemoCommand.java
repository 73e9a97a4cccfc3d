package io.github.cni4j.examples.cnitool;

import io.github.cni4j.invoke.CniInvoker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code cnitool demo}: the user's cnitool walkthrough in one command, on the real plugins, leaving nothing behind.
 */
final class DemoCommand implements Command {

    private static final Path LOCK = Path.of("/run/c4j-demo.lock");

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the cnitool walkthrough (netns, ADD, CHECK, reach a server, DEL) and leave nothing behind";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool demo [--subnet <cidr>]

                The cnitool walkthrough in one command (needs root and the reference plugins):
                  1. write a redisnet-style bridge config (bridge c4jdemo0, ipMasq, hairpinMode,
                     isDefaultGateway, host-local 10.88.0.0/16, or the next free 10.x.0.0/16 if the host
                     uses that range; --subnet picks one)
                  2. create the network namespace c4j-demo        (ip netns add c4j-demo)
                  3. ADD it to the network, print the result       (cnitool add c4j-demo /run/netns/c4j-demo)
                  4. CHECK the attachment                          (cnitool check ...)
                  5. show its address                              (ip -n c4j-demo addr)
                  6. start a TCP server inside the namespace and talk to it from the host
                  7. DEL the attachment                            (cnitool del ...)
                  8. delete the namespace                          (ip netns del c4j-demo)
                  9. show that nothing is left: no cache entry, no IP reservation, no veth, no iptables
                     rule, no netns; then remove the bridge
                Config, cache and IPAM files live in /run/c4j-demo, never in /etc/cni or /var/lib/cni.
                On a failed step, Ctrl-C or SIGTERM, everything made so far is removed. Exit status 0 when
                every step passed, 1 otherwise.
                With CNI4J_DEMO_PAUSE_AT=<step> the demo waits at the start of that step until the marker
                file (CNI4J_DEMO_PAUSE_FILE, default /run/c4j-demo.paused) is removed or it is signalled.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        Optional<String> subnet = parseSubnet(args);
        preflight(ctx.env());
        try (FileChannel lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new ToolException("cnitool demo: another demo is running (lock " + LOCK + ")");
            }
            try {
                return runLocked(subnet, ctx);
            } finally {
                // Not even the lock file stays behind (a demo starting right now fails its tryLock either way).
                deleteLockFile();
            }
        } catch (IOException e) {
            throw new ToolException("cnitool demo: cannot lock " + LOCK + ": " + e.getMessage(), e);
        }
    }

    private static int runLocked(Optional<String> subnet, Context ctx) {
        // ip_forward and the shared CNI iptables chains as they were: what the plugins change there is put back.
        HostState host = HostState.take();
        DemoSetup setup = DemoSetup.standard(subnet.orElse(Subnets.PREFERRED));
        CniInvoker invoker = CniInvoker.builder().pluginDirs(ctx.env().pluginDirs()).cacheDir(setup.cacheDir())
                .build();
        // What a killed demo left is cleared before the subnet is chosen (its bridge holds 10.88.0.1).
        DemoCleanup leftovers = new DemoCleanup(setup, invoker, ctx.out());
        if (Files.exists(setup.workDir()) || HostCommands.linkExists(setup.bridge())
                || Files.exists(setup.netnsPath())) {
            ctx.out().println("== removing what an earlier, unfinished demo left behind");
            if (!leftovers.cleanUp()) {
                throw new ToolException("cnitool demo: cannot remove the leftovers of an earlier demo (see above)");
            }
        }
        String chosen = subnet.orElseGet(() -> Subnets.pickFree(HostCommands.hostIpv4Prefixes())
                .orElseThrow(() -> new ToolException("cnitool demo: every 10.x.0.0/16 from 10.88 to 10.254 is in "
                        + "use on this host; choose one with --subnet")));
        if (subnet.isEmpty() && !chosen.equals(Subnets.PREFERRED)) {
            ctx.out().println("note: " + Subnets.PREFERRED + " is in use on this host; the demo uses " + chosen);
        }
        DemoSetup run = DemoSetup.standard(chosen);
        DemoCleanup cleanup = new DemoCleanup(run, invoker, ctx.err());
        Thread hook = cleanup.hook(() -> {
            reportHost(host.restore(ctx.err()), ctx.err());
            deleteLockFile();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        boolean passed = false;
        try {
            passed = new DemoScenario(run, invoker, cleanup, ctx.out()).play();
        } finally {
            if (!passed) {
                ctx.out().println("== cleaning up after the failed step");
            }
            boolean clean = cleanup.cleanUp();
            passed &= clean;
            reportHost(host.restore(ctx.out()), ctx.out());
            removeHook(hook);
            ctx.out().flush();
        }
        ctx.out().println(passed ? "== demo finished: every step passed, nothing left behind"
                : "== demo FAILED (see the messages above)");
        return passed ? 0 : 1;
    }

    /** Names what stays changed on the host, and why (nothing, normally). */
    private static void reportHost(List<String> left, java.io.PrintStream out) {
        for (String what : left) {
            out.println("note: left on the host: " + what);
        }
    }

    private static void deleteLockFile() {
        DemoPause.fromEnv(System.getenv()).ifPresent(DemoPause::clear);
        try {
            Files.deleteIfExists(LOCK);
        } catch (IOException e) {
            // Only a stale empty file in /run; the next demo locks it as usual.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs, and finds nothing left to do.
        }
    }

    private static Optional<String> parseSubnet(List<String> args) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        if (args.size() == 2 && args.get(0).equals("--subnet")) {
            String cidr = args.get(1);
            if (Subnets.parse(cidr).isEmpty() || !cidr.contains("/")) {
                throw new UsageException("--subnet needs an IPv4 prefix such as 10.88.0.0/16, not \"" + cidr + "\"");
            }
            return Optional.of(cidr);
        }
        throw new UsageException("expected no arguments, or --subnet <cidr>");
    }

    private static void preflight(ToolEnv env) {
        if (!HostCommands.isRoot()) {
            throw new ToolException("cnitool demo: run as root (network namespaces and bridges need CAP_SYS_ADMIN "
                    + "and CAP_NET_ADMIN)");
        }
        for (String plugin : List.of("bridge", "host-local")) {
            if (env.pluginDirs().stream().noneMatch(d -> Files.isRegularFile(d.resolve(plugin)))) {
                throw new ToolException("cnitool demo: CNI plugin \"" + plugin + "\" not found in " + env.pluginDirs()
                        + " (apt-get install containernetworking-plugins, or set CNI_PATH)");
            }
        }
        if (!HostCommands.available("ip")) {
            throw new ToolException("cnitool demo: the ip command is missing (apt-get install iproute2)");
        }
    }
}
