package io.github.cni4j;

import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Real bridge networks for the fluent API's integration tests: conflists in a temp conf dir, bridges named
 * {@code c4j...}, host-local data and the result cache in temp dirs, /24 subnets picked at random from
 * 10.231.0.0/16 (skipping any in use on the host). {@link #close()} removes the bridges it made.
 */
final class FluentFixture implements AutoCloseable {

    static final Path PLUGINS = Prerequisites.PLUGIN_DIR;

    final Path root;
    final Path confDir;
    final Path cacheDir;
    final Path ipamDir;
    final Path extraPlugins;
    private final List<String> bridges = new ArrayList<>();
    private final Set<Integer> usedThirdOctets = new HashSet<>();

    FluentFixture(Path root) {
        this.root = root;
        this.confDir = mkdir(root.resolve("net.d"));
        this.cacheDir = mkdir(root.resolve("cache"));
        this.ipamDir = mkdir(root.resolve("ipam"));
        this.extraPlugins = mkdir(root.resolve("plugins"));
    }

    /** A network made by {@link #bridgeNetwork}. */
    record Net(String name, String bridge, String subnetPrefix, Path file) {
        /** The gateway, {@code 10.231.X.1}. */
        String gateway() {
            return subnetPrefix + "1";
        }

        /** The subnet, {@code 10.231.X.0/24}. */
        String subnet() {
            return subnetPrefix + "0/24";
        }
    }

    /**
     * Writes a bridge network into the conf dir.
     *
     * @param file the file name (decides the libcni order)
     * @param extraPlugins JSON objects appended to the chain, e.g. portmap
     */
    Net bridgeNetwork(String file, String... extraPlugins) {
        String name = TestNames.network();
        String bridge = TestNames.bridge();
        String prefix = "10.231." + freeThirdOctet() + ".";
        StringBuilder plugins = new StringBuilder();
        plugins.append("{\"type\":\"bridge\",\"bridge\":\"").append(bridge).append("\",\"isGateway\":true,")
                .append("\"capabilities\":{\"ips\":true},\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"")
                .append(prefix).append("0/24\"}]],\"dataDir\":\"").append(ipamDir).append("\"}}");
        for (String p : extraPlugins) {
            plugins.append(',').append(p);
        }
        String json = "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[" + plugins + "]}";
        Path f = confDir.resolve(file);
        write(f, json);
        bridges.add(bridge);
        return new Net(name, bridge, prefix, f);
    }

    /** A plugin that fails ADD with CNI code 7 and accepts every other command. */
    String failingPlugin() {
        String type = "c4j-fail";
        Path p = extraPlugins.resolve(type);
        write(p, "#!/bin/sh\ncat >/dev/null\n"
                + "case \"$CNI_COMMAND\" in\n"
                + "  ADD) echo '{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"c4j-fail refuses ADD\"}'; exit 1;;\n"
                + "  VERSION) echo '{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.4.0\",\"1.0.0\"]}';;\n"
                + "esac\nexit 0\n");
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return type;
    }

    /**
     * A plugin whose ADD succeeds with an empty result and whose DEL fails while {@code marker} exists, in a
     * network of its own.
     */
    String flakyDelNetwork(Path marker) {
        String type = "c4j-flaky";
        Path p = extraPlugins.resolve(type);
        write(p, "#!/bin/sh\ncat >/dev/null\n"
                + "case \"$CNI_COMMAND\" in\n"
                + "  ADD) echo '{\"cniVersion\":\"1.0.0\"}';;\n"
                + "  DEL) if [ -e '" + marker + "' ]; then echo '{\"code\":11,\"msg\":\"c4j-flaky: try again\"}'; "
                + "exit 1; fi;;\n"
                + "  VERSION) echo '{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"1.0.0\"]}';;\n"
                + "esac\nexit 0\n");
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = TestNames.network();
        write(confDir.resolve("90-flaky.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name
                + "\",\"plugins\":[{\"type\":\"" + type + "\"}]}");
        return name;
    }

    /** A builder with the real plugins (and the test plugins after them), the temp conf and cache dirs. */
    Cni.Builder builder() {
        return Cni.builder().pluginDirs(PLUGINS, extraPlugins).confDir(confDir).cacheDir(cacheDir)
                .timeout(java.time.Duration.ofSeconds(60));
    }

    /** Cache entries left in the result cache. */
    List<String> cacheEntries() {
        return list(cacheDir.resolve("results"));
    }

    /** IP reservations host-local still holds (files named like addresses), in every network. */
    List<String> reservations() {
        List<String> out = new ArrayList<>();
        for (String net : list(ipamDir)) {
            for (String f : list(ipamDir.resolve(net))) {
                if (Character.isDigit(f.charAt(0)) || f.contains(":")) {
                    out.add(net + "/" + f);
                }
            }
        }
        return out;
    }

    /** Links enslaved to a bridge (the host ends of veths). */
    static String linksOf(String bridge) {
        return Prerequisites.sh("ip", "-o", "link", "show", "master", bridge).trim();
    }

    /** Interface names inside a named netns. */
    static String linksIn(String netns) {
        return Prerequisites.sh("ip", "-n", netns, "-o", "link", "show");
    }

    /** IPv4 addresses of an interface inside a named netns. */
    static String addrOf(String netns, String ifName) {
        return Prerequisites.sh("ip", "-n", netns, "-4", "-o", "addr", "show", "dev", ifName);
    }

    @Override
    public void close() {
        for (String b : bridges) {
            Prerequisites.shQuiet("ip", "link", "del", b);
        }
    }

    private int freeThirdOctet() {
        String inUse = Prerequisites.sh("ip", "-4", "-o", "addr") + Prerequisites.sh("ip", "-4", "route");
        for (int tries = 0; tries < 1000; tries++) {
            int x = ThreadLocalRandom.current().nextInt(256);
            if (usedThirdOctets.add(x) && !inUse.contains("10.231." + x + ".")) {
                return x;
            }
        }
        throw new IllegalStateException("no free /24 in 10.231.0.0/16");
    }

    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
