package io.github.cni4j.overlay;

import static io.github.cni4j.error.CniException.UNKNOWN;

import io.github.cni4j.error.CniException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Device names and the host's conflist for one overlay network (package-private). */
final class OverlayConf {
    private OverlayConf() {
    }

    /** The name's stem for devices: the name if at most 12 chars, else 7 chars and 5 hex digits of a hash. */
    static String stem(String network) {
        if (network.length() <= 12) {
            return network;
        }
        return network.substring(0, 7) + String.format("%05x", network.hashCode() & 0xfffff);
    }

    static String vxlanDevice(String network) {
        return stem(network) + "-vx";
    }

    static String bridgeDevice(String network) {
        return stem(network) + "-br";
    }

    static Path file(Path confDir, String network) {
        return confDir.resolve("cni4j-overlay-" + network + ".conflist");
    }

    /** The address after the subnet's network address: the gateway (x.y.z.1 for a /24). */
    static String gateway(String subnet) {
        String ip = subnet.substring(0, subnet.indexOf('/'));
        String[] p = ip.split("\\.");
        long v = (Long.parseLong(p[0]) << 24 | Long.parseLong(p[1]) << 16 | Long.parseLong(p[2]) << 8
                | Long.parseLong(p[3])) + 1;
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    static String conflist(OverlayNetwork net, String subnet, int mtu, Path dataDir) {
        String gw = gateway(subnet);
        String routes = "{\"dst\":\"" + net.subnet() + "\",\"gw\":\"" + gw + "\"}"
                + (net.internal() ? "" : ",{\"dst\":\"0.0.0.0/0\",\"gw\":\"" + gw + "\"}");
        String ipamDir = dataDir.resolve("ipam").resolve(net.name()).toString();
        return "{\n"
                + "  \"cniVersion\": \"1.0.0\",\n"
                + "  \"name\": " + quote(net.name()) + ",\n"
                + "  \"plugins\": [\n"
                + "    {\n"
                + "      \"type\": \"bridge\",\n"
                + "      \"bridge\": " + quote(bridgeDevice(net.name())) + ",\n"
                + "      \"isGateway\": true,\n"
                + "      \"ipMasq\": false,\n"
                + "      \"mtu\": " + mtu + ",\n"
                + "      \"ipam\": {\n"
                + "        \"type\": \"host-local\",\n"
                + "        \"ranges\": [[{\"subnet\": " + quote(subnet) + ", \"gateway\": " + quote(gw) + "}]],\n"
                + "        \"routes\": [" + routes + "],\n"
                + "        \"dataDir\": " + quote(ipamDir) + "\n"
                + "      }\n"
                + "    },\n"
                + "    {\"type\": \"portmap\", \"capabilities\": {\"portMappings\": true}},\n"
                + "    {\"type\": \"firewall\"}\n"
                + "  ]\n"
                + "}\n";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void writeAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".overlay-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CniException(UNKNOWN, "cannot write conflist " + target + ": " + e.getMessage());
        }
    }
}
