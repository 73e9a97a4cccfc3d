package io.github.cni4j.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestBridges;
import io.github.cni4j.testing.TestNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test network on real plugins: the seed configs rewritten to a {@code c4j…} bridge, a random private subnet and
 * a host-local {@code dataDir} in a temp dir. {@link #close()} deletes the bridge.
 */
final class RealNetwork implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final String bridge = TestNames.bridge();
    final String name = TestNames.network();
    final String subnet;
    final String prefix;
    final Path dataDir;

    RealNetwork(Path tmp) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        prefix = "10." + (200 + r.nextInt(50)) + "." + r.nextInt(256);
        subnet = prefix + ".0/24";
        dataDir = tmp.resolve("ipam");
    }

    /** Reads a seed config from the test resources and points it at this network. */
    ObjectNode seed(String resource) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/configs", resource));
            ObjectNode root = (ObjectNode) JSON.readTree(bytes);
            root.put("name", name);
            List<ObjectNode> plugins = new ArrayList<>();
            if (root.has("plugins")) {
                root.get("plugins").forEach(p -> plugins.add((ObjectNode) p));
            } else {
                plugins.add(root);
            }
            for (ObjectNode p : plugins) {
                if (p.path("type").asText().equals("bridge")) {
                    p.put("bridge", bridge);
                    ObjectNode ipam = (ObjectNode) p.get("ipam");
                    ipam.remove(List.of("subnet", "ranges"));
                    ipam.put("dataDir", dataDir.toString());
                    ipam.putArray("ranges").addArray().addObject().put("subnet", subnet);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bridge + host-local + firewall + tuning chain (optionally with portmap), version 1.0.0. */
    ObjectNode chain(boolean portmap) {
        ObjectNode root = JSON.createObjectNode().put("cniVersion", "1.0.0").put("name", name);
        ArrayNode plugins = root.putArray("plugins");
        ObjectNode br = plugins.addObject().put("type", "bridge").put("bridge", bridge).put("isGateway", true)
                .put("ipMasq", true);
        ObjectNode ipam = br.putObject("ipam").put("type", "host-local").put("dataDir", dataDir.toString());
        ipam.putArray("ranges").addArray().addObject().put("subnet", subnet);
        ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
        if (portmap) {
            plugins.addObject().put("type", "portmap").putObject("capabilities").put("portMappings", true);
        }
        plugins.addObject().put("type", "firewall").put("ingressPolicy", "same-bridge");
        plugins.addObject().put("type", "tuning").putObject("sysctl").put("net.ipv4.conf.eth0.arp_notify", "1");
        return root;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host-local reservation file of an address. */
    Path reservation(String ip) {
        return dataDir.resolve(name).resolve(ip);
    }

    /** The IPv4 addresses (address/prefix) of an interface inside a netns, from {@code ip -j addr}. */
    static List<String> addresses(String netns, String ifName) {
        try {
            JsonNode links = JSON.readTree(Prerequisites.sh("ip", "-n", netns, "-j", "addr", "show", "dev", ifName)
                    .getBytes(StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (JsonNode link : links) {
                for (JsonNode a : link.path("addr_info")) {
                    if (a.path("family").asText().equals("inet")) {
                        out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean linkExists(String netns, String ifName) {
        return Prerequisites.shQuiet("ip", "-n", netns, "link", "show", "dev", ifName) == 0;
    }

    @Override
    public void close() {
        TestBridges.remove(bridge);
    }
}
