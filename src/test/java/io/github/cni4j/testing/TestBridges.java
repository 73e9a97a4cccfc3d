package io.github.cni4j.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes a test bridge and everything the reference plugins leave behind for it after DEL: the firewall plugin's
 * per-bridge isolation rules are never deleted by the plugin itself.
 */
public final class TestBridges {

    private static final List<String> ISOLATION_CHAINS = List.of("CNI-ISOLATION-STAGE-1", "CNI-ISOLATION-STAGE-2");

    private TestBridges() {
    }

    /** Deletes the bridge link (if any) and the iptables rules that name it. Never throws. */
    public static void remove(String bridge) {
        if (!bridge.startsWith("c4j")) {
            throw new IllegalArgumentException("tests only remove their own c4j* bridges, not " + bridge);
        }
        Prerequisites.shQuiet("ip", "link", "del", bridge);
        for (String chain : ISOLATION_CHAINS) {
            if (Prerequisites.shQuiet("iptables", "-S", chain) != 0) {
                continue;
            }
            for (String rule : Prerequisites.sh("iptables", "-S", chain).split("\n")) {
                if (rule.startsWith("-A ") && rule.contains(" " + bridge + " ")) {
                    List<String> cmd = new ArrayList<>(List.of("iptables", "-D"));
                    cmd.addAll(shellWords(rule.substring(3)));
                    Prerequisites.shQuiet(cmd.toArray(String[]::new));
                }
            }
        }
    }

    /** Removes isolation rules for every {@code c4j*} bridge that no longer exists (leftovers of killed runs). */
    public static void removeStaleRules() {
        for (String chain : ISOLATION_CHAINS) {
            if (Prerequisites.shQuiet("iptables", "-S", chain) != 0) {
                continue;
            }
            for (String rule : Prerequisites.sh("iptables", "-S", chain).split("\n")) {
                for (String word : shellWords(rule)) {
                    if (word.startsWith("c4j") && Prerequisites.shQuiet("ip", "link", "show", "dev", word) != 0) {
                        List<String> cmd = new ArrayList<>(List.of("iptables", "-D"));
                        cmd.addAll(shellWords(rule.substring(3)));
                        Prerequisites.shQuiet(cmd.toArray(String[]::new));
                        break;
                    }
                }
            }
        }
    }

    /** Splits an {@code iptables -S} rule into words, honouring double quotes. */
    static List<String> shellWords(String rule) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : rule.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }
}
