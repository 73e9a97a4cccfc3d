package io.github.cni4j.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What CNI plugins change on the host outside any one network: {@code net.ipv4.ip_forward} (the bridge plugin sets
 * it for {@code isGateway}/{@code isDefaultGateway}) and the shared iptables chains of portmap, firewall and the
 * bridge's isolation ({@code CNI-HOSTPORT-*}, {@code CNI-ADMIN}, {@code CNI-FORWARD}, {@code CNI-ISOLATION-STAGE-*})
 * with the jumps into them. A snapshot taken before a run restores the forwarding flag and removes only the shared
 * chains that did not exist then and that hold no per-attachment rule now (someone else may be using them).
 */
public final class SharedCniChains {

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    private static final Pattern SHARED = Pattern.compile("CNI-(HOSTPORT-[A-Z]+|ADMIN|FORWARD|ISOLATION-STAGE-\\d+)");
    private static final List<String> TABLES = List.of("filter", "nat");

    private final String ipForward;
    private final Set<String> chains;

    private SharedCniChains(String ipForward, Set<String> chains) {
        this.ipForward = ipForward;
        this.chains = chains;
    }

    /** The forwarding flag and the shared CNI chains ({@code table/chain}) as they are now. */
    public static SharedCniChains take() {
        Set<String> chains = new LinkedHashSet<>();
        for (String table : TABLES) {
            for (String line : rules(table)) {
                if (line.startsWith("-N ") && SHARED.matcher(line.substring(3).strip()).matches()) {
                    chains.add(table + "/" + line.substring(3).strip());
                }
            }
        }
        return new SharedCniChains(readForward(), chains);
    }

    /** Puts back the forwarding flag and removes the shared chains made since; returns what it left, and why. */
    public List<String> restore(PrintStream log) {
        List<String> left = new ArrayList<>();
        String now = readForward();
        if (!ipForward.isEmpty() && !now.equals(ipForward)) {
            try {
                Files.writeString(IP_FORWARD, ipForward + "\n");
                log.println("restored net.ipv4.ip_forward=" + ipForward + " (a plugin had set it to " + now + ")");
            } catch (IOException e) {
                left.add("net.ipv4.ip_forward=" + now + " (was " + ipForward + "; cannot write: " + e.getMessage()
                        + ")");
            }
        }
        for (String table : TABLES) {
            List<String> rules = rules(table);
            Set<String> created = new LinkedHashSet<>();
            for (String line : rules) {
                String name = line.startsWith("-N ") ? line.substring(3).strip() : "";
                if (SHARED.matcher(name).matches() && !chains.contains(table + "/" + name)) {
                    created.add(name);
                }
            }
            Set<String> removable = new LinkedHashSet<>();
            for (String chain : created) {
                if (rules.stream().filter(l -> l.startsWith("-A " + chain + " ")).anyMatch(l -> perAttachment(l))) {
                    left.add(table + " chain " + chain + " (still holds rules of an attachment)");
                } else {
                    removable.add(chain);
                }
            }
            for (String line : rules) {
                String[] words = split(line);
                String target = jumpTarget(words);
                if (words.length > 1 && words[0].equals("-A") && removable.contains(target)) {
                    words[0] = "-D";
                    iptables(table, words);
                }
            }
            for (String chain : removable) {
                iptables(table, "-F", chain);
                if (!iptables(table, "-X", chain)) {
                    left.add(table + " chain " + chain + " (iptables -X failed)");
                } else {
                    log.println("removed the shared iptables chain " + table + "/" + chain + " made during this run");
                }
            }
        }
        return left;
    }

    /** A rule that belongs to one attachment: a jump to a per-network chain, or one container address. */
    private static boolean perAttachment(String rule) {
        String target = jumpTarget(split(rule));
        return (target.startsWith("CNI-") && !SHARED.matcher(target).matches())
                || rule.matches(".* -[ds] [0-9a-f.:]+/(32|128) .*");
    }

    private static String jumpTarget(String[] words) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-j") || words[i].equals("-g")) {
                return words[i + 1];
            }
        }
        return "";
    }

    /** Splits an {@code iptables -S} line into words; double quotes group (as iptables-save writes comments). */
    static String[] split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words.toArray(new String[0]);
    }

    private static String readForward() {
        try {
            return Files.readString(IP_FORWARD).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> rules(String table) {
        List<String> out = new ArrayList<>();
        exec(out, "iptables", "-w", "-t", table, "-S");
        return out;
    }

    private static boolean iptables(String table, String... args) {
        List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", table));
        cmd.addAll(List.of(args));
        return exec(new ArrayList<>(), cmd.toArray(new String[0]));
    }

    private static boolean exec(List<String> lines, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            text.lines().forEach(lines::add);
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;   // no iptables here: nothing of it to restore
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
