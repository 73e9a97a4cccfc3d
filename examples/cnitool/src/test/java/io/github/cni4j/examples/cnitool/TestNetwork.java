package io.github.cni4j.examples.cnitool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bridge network for one test: a conflist in a temp NETCONFPATH, cache and host-local data in temp dirs, a
 * {@code c4j} bridge on a free 10.2xx.y.0/24, and the {@code c4j-} namespaces the test asks for; {@link #close()}
 * removes the namespaces and the bridge.
 */
final class TestNetwork implements AutoCloseable {

    final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
    final String bridge = "c4j" + suffix;
    final String network = "c4jnet-" + suffix;
    final Path confDir;
    final Path cacheDir;
    final Path ipamDir;
    final String subnet;
    final Map<String, String> env;
    private final List<String> namespaces = new ArrayList<>();

    TestNetwork(Path tmp, String cniVersion) throws IOException {
        confDir = Files.createDirectories(tmp.resolve("net.d"));
        cacheDir = tmp.resolve("cache");
        ipamDir = tmp.resolve("ipam");
        subnet = freeSubnet();
        Launcher.write(confDir.resolve("10-" + network + ".conflist"), """
                {
                  "cniVersion": "%s",
                  "name": "%s",
                  "plugins": [
                    {"type": "bridge", "bridge": "%s", "isGateway": true,
                     "ipam": {"type": "host-local", "subnet": "%s", "dataDir": "%s"}}
                  ]
                }
                """.formatted(cniVersion, network, bridge, subnet, ipamDir));
        env = new HashMap<>(Map.of("NETCONFPATH", confDir.toString(), "CNI_PATH",
                ItPrerequisites.PLUGIN_DIR.toString(), "CNI_CACHE_DIR", cacheDir.toString()));
    }

    /** A new name {@code c4j-<suffix>-<n>}, removed by {@link #close()}; the test creates it (or not). */
    String netnsName() {
        String name = "c4j-" + suffix + "-" + namespaces.size();
        namespaces.add(name);
        return name;
    }

    /** Creates a namespace with {@code ip netns add}, as a user of Go's cnitool would; returns its path. */
    String netns() {
        String name = netnsName();
        ItPrerequisites.sh("ip", "netns", "add", name);
        return "/run/netns/" + name;
    }

    Path cachedResult(String netnsPath, String ifName) {
        return cacheDir.resolve("results")
                .resolve(network + "-" + ToolEnv.containerId(Path.of(netnsPath)) + "-" + ifName);
    }

    Path reservation(int host) {
        return ipamDir.resolve(network).resolve(Subnets.host(subnet, host));
    }

    @Override
    public void close() {
        namespaces.forEach(n -> ItPrerequisites.sh("ip", "netns", "del", n));
        ItPrerequisites.sh("ip", "link", "del", bridge);
        removeIsolationRules(bridge);
    }

    /**
     * The firewall plugin (in the chains `cnitool network create` writes) keeps its per-bridge isolation rules after
     * DEL; a test removes the ones naming its own bridge.
     */
    static void removeIsolationRules(String bridge) {
        for (String chain : List.of("CNI-ISOLATION-STAGE-1", "CNI-ISOLATION-STAGE-2")) {
            String rules;
            try {
                rules = ItPrerequisites.sh("iptables", "-S", chain);
            } catch (AssertionError | RuntimeException noChain) {
                continue;
            }
            for (String rule : rules.split("\n")) {
                if (rule.startsWith("-A ") && rule.contains(" " + bridge + " ")) {
                    List<String> cmd = new java.util.ArrayList<>(List.of("iptables", "-D"));
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"[^\"]*\"|\\S+")
                            .matcher(rule.substring(3));
                    while (m.find()) {
                        cmd.add(m.group().replace("\"", ""));
                    }
                    ItPrerequisites.sh(cmd.toArray(String[]::new));
                }
            }
        }
    }

    /** A random 10.2xx.y.0/24 the host does not use. */
    private static String freeSubnet() {
        List<String> used = HostCommands.hostIpv4Prefixes();
        for (int i = 0; i < 100; i++) {
            String candidate = "10." + ThreadLocalRandom.current().nextInt(200, 250) + "."
                    + ThreadLocalRandom.current().nextInt(0, 256) + ".0/24";
            if (used.stream().noneMatch(u -> !u.endsWith("/0") && Subnets.overlaps(candidate, u))) {
                return candidate;
            }
        }
        throw new AssertionError("no free 10.2xx.y.0/24 on this host");
    }
}
