package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's last step: what the user's material has them delete by hand ({@code /var/lib/cni/results},
 * {@code /var/lib/cni/networks}) is already gone, and so is every other trace of the attachment.
 */
final class DemoChecks {

    private DemoChecks() {
    }

    static boolean nothingLeft(DemoSetup setup, String containerId, PrintStream out) {
        boolean ok = true;
        ok &= report(out, "cached results in " + setup.cacheDir().resolve("results"),
                files(setup.cacheDir().resolve("results")));
        // host-local keeps its lock and last_reserved_ip.N files (they hold no address); every reservation is a
        // file named after the address it reserves.
        List<String> reservations = files(setup.ipamDir().resolve(setup.network())).stream()
                .filter(f -> !f.equals("lock") && !f.startsWith("last_reserved_ip")).toList();
        ok &= report(out, "IP reservations in " + setup.ipamDir().resolve(setup.network()), reservations);
        ok &= report(out, "veth ports on bridge " + setup.bridge(), HostCommands.bridgePorts(setup.bridge()));
        ok &= iptables(out, containerId);
        ok &= report(out, "network namespace " + setup.netnsPath(),
                Files.exists(setup.netnsPath()) ? List.of(setup.netnsName()) : List.of());
        out.printf("   $ ip link del %s    (the bridge plugin keeps its bridge for the next container)%n",
                setup.bridge());
        HostCommands.removeBridge(setup.bridge(), out);
        ok &= report(out, "bridge " + setup.bridge(),
                HostCommands.linkExists(setup.bridge()) ? List.of(setup.bridge()) : List.of());
        out.flush();
        return ok;
    }

    private static boolean iptables(PrintStream out, String containerId) {
        if (!HostCommands.available("iptables-save")) {
            out.println("  iptables rules of the attachment: not checked (no iptables-save)");
            return true;
        }
        HostCommands.Output save = HostCommands.run("iptables-save");
        List<String> rules = save.out().lines().filter(l -> l.contains(containerId)).toList();
        return report(out, "iptables rules of the attachment (masquerade)", rules);
    }

    private static boolean report(PrintStream out, String what, List<String> left) {
        if (left.isEmpty()) {
            out.printf("  %-66s none%n", what + ":");
            return true;
        }
        out.printf("  %-66s LEFT BEHIND: %s%n", what + ":", String.join(", ", left));
        return false;
    }

    private static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(cannot list: " + e.getMessage() + ")");
        }
    }
}
