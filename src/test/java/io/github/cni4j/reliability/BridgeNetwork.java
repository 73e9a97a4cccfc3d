package io.github.cni4j.reliability;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A real bridge network for the reliability ITs: bridge {@code c4j…}, host-local IPAM with its {@code dataDir} in a
 * temp dir, a random /24 inside 10.240.0.0/16, no gateway, no masquerade (no iptables, no traffic leaves the host),
 * a temp cache dir. {@link #leftovers()} lists whatever an attachment could leave behind; {@link #close()} removes
 * the bridge and the temp dirs.
 */
final class BridgeNetwork implements AutoCloseable {

    final String bridge = TestNames.bridge();
    final String name = TestNames.network();
    final String subnet = "10.240." + ThreadLocalRandom.current().nextInt(256) + ".0/24";
    final Path root;
    final Path dataDir;
    final Path cacheDir;
    final Path confFile;
    final NetworkConfigList list;

    BridgeNetwork() {
        try {
            root = Files.createTempDirectory("c4j-bridge");
            dataDir = root.resolve("ipam");
            cacheDir = root.resolve("cache");
            confFile = root.resolve(name + ".conflist");
            Files.writeString(confFile, "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[{"
                    + "\"type\":\"bridge\",\"bridge\":\"" + bridge + "\",\"isGateway\":false,\"ipMasq\":false,"
                    + "\"ipam\":{\"type\":\"host-local\",\"dataDir\":\"" + dataDir + "\",\"ranges\":[[{\"subnet\":\""
                    + subnet + "\"}]]}}]}", StandardCharsets.UTF_8);
            list = NetworkConfigList.fromFile(confFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RuntimeConf attachment(String containerId, Path netns) {
        return RuntimeConf.builder().containerId(containerId).netNs(netns.toString()).ifName("eth0").build();
    }

    /** Host-local reservations: one file per IP in {@code <dataDir>/<network>/}. */
    List<String> reservations() {
        Path dir = dataDir.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("lock") && !n.startsWith("last_reserved_ip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reservation file name to content (container ID and interface), for failure messages. */
    java.util.Map<String, String> reservationContents() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String ip : reservations()) {
            try {
                out.put(ip, Files.readString(dataDir.resolve(name).resolve(ip)).replace("\r\n", "/"));
            } catch (IOException e) {
                out.put(ip, e.toString());
            }
        }
        return out;
    }

    /** Every file under {@code <cacheDir>/results}, temp files included. */
    List<String> cacheFiles() {
        Path dir = cacheDir.resolve("results");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interfaces enslaved to the bridge: the host ends of veth pairs. */
    List<String> bridgePorts() {
        if (Prerequisites.shQuiet("ip", "link", "show", bridge) != 0) {
            return List.of();
        }
        String out = Prerequisites.sh("ip", "-o", "link", "show", "master", bridge);
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).map(String::trim).toList();
    }

    /** Everything an attachment may leave behind, described; empty when clean. */
    List<String> leftovers() {
        List<String> left = new ArrayList<>();
        reservations().forEach(r -> left.add("host-local reservation " + r));
        cacheFiles().forEach(f -> left.add("cache file " + f));
        bridgePorts().forEach(p -> left.add("veth " + p));
        return left;
    }

    @Override
    public void close() {
        Prerequisites.shQuiet("ip", "link", "del", bridge);
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temp dir cleanup is best effort.
        }
    }
}
