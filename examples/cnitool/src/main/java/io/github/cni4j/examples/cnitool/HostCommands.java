package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the host's own tools ({@code ip}, {@code iptables-save}) for the demo, which shows their output. */
final class HostCommands {

    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|\\S+");

    private HostCommands() {
    }

    /** What a command printed and how it ended. */
    record Output(int status, String out, String err) {
        boolean ok() {
            return status == 0;
        }
    }

    static Output run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Output(-1, out, String.join(" ", command) + ": timed out");
            }
            return new Output(p.exitValue(), out, err.join());
        } catch (IOException e) {
            return new Output(-1, "", String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(-1, "", String.join(" ", command) + ": interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Removes the firewall plugin's per-bridge isolation rules (chains CNI-ISOLATION-STAGE-1 and -2, IPv4 and IPv6),
     * which the plugin keeps after the last DEL. Best effort: missing tools or chains are skipped.
     *
     * @return the number of rules removed
     */
    static int removeIsolationRules(String bridge) {
        int removed = 0;
        for (String tool : List.of("iptables", "ip6tables")) {
            if (!available(tool)) {
                continue;
            }
            for (String chain : List.of("CNI-ISOLATION-STAGE-1", "CNI-ISOLATION-STAGE-2")) {
                Output rules = run(tool, "-w", "-S", chain);
                if (!rules.ok()) {
                    continue;
                }
                for (String rule : rules.out().split("\n")) {
                    List<String> tokens = new ArrayList<>();
                    Matcher m = TOKEN.matcher(rule);
                    while (m.find()) {
                        tokens.add(m.group().replace("\"", ""));
                    }
                    int at = tokens.indexOf(bridge);
                    boolean names = tokens.size() > 2 && tokens.get(0).equals("-A") && at > 0
                            && List.of("-i", "-o").contains(tokens.get(at - 1));
                    if (names) {
                        List<String> cmd = new ArrayList<>(List.of(tool, "-w", "-D"));
                        cmd.addAll(tokens.subList(1, tokens.size()));
                        removed += run(cmd.toArray(String[]::new)).ok() ? 1 : 0;
                    }
                }
            }
        }
        return removed;
    }

    /** True when a command of that name is on the PATH (or in the usual sbin dirs, which root's PATH has). */
    static boolean available(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    /** The interfaces enslaved to a bridge (the host ends of the veth pairs). */
    static List<String> bridgePorts(String bridge) {
        try (var ports = Files.list(Path.of("/sys/class/net", bridge, "brif"))) {
            return ports.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The IPv4 prefixes the host uses: its addresses and the destinations of its routes (not the default). */
    static List<String> hostIpv4Prefixes() {
        StringBuilder text = new StringBuilder();
        text.append(run("ip", "-o", "-4", "addr", "show").out());
        text.append(run("ip", "-4", "route", "show", "table", "all").out());
        return Subnets.prefixesIn(text.toString());
    }

    static boolean removeBridge(String bridge, PrintStream log) {
        if (!HostCommands.linkExists(bridge)) {
            return true;
        }
        HostCommands.Output out = HostCommands.run("ip", "link", "del", bridge);
        if (!out.ok()) {
            log.println("cleanup: ip link del " + bridge + ": " + out.err().strip());
        }
        return out.ok();
    }

    static boolean deleteTree(Path dir, PrintStream log) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            log.println("cleanup: cannot delete " + dir + ": " + e);
            return false;
        }
    }
}
