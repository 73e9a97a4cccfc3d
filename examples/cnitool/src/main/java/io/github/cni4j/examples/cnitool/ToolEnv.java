package io.github.cni4j.examples.cnitool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables Go's cnitool reads, with the same defaults, plus {@code CNI_CACHE_DIR}.
 * {@code CNI_ARGS} and {@code CAP_ARGS} are parsed only by the commands that use them, so a bad value does not
 * break {@code lint} or {@code ls}.
 *
 * @param confDir {@code NETCONFPATH}, default {@code /etc/cni/net.d}
 * @param pluginDirs {@code CNI_PATH} split on {@code :}; default {@code /opt/cni/bin:/usr/lib/cni}
 * @param ifName {@code CNI_IFNAME}, default {@code eth0}
 * @param rawCniArgs {@code CNI_ARGS} as given, or empty
 * @param rawCapArgs {@code CAP_ARGS} as given, or empty
 * @param cacheDir {@code CNI_CACHE_DIR}, default {@code /var/lib/cni}
 * @param containerIdOverride {@code CNI_CONTAINERID} (an extension: Go's cnitool always derives the ID from the
 *        netns path), or empty
 * @param clusterStore {@code CNI4J_CLUSTER_STORE}, the overlay networks' etcd ({@code etcd://IP:PORT,...}), or empty
 */
record ToolEnv(Path confDir, List<Path> pluginDirs, String ifName, String rawCniArgs, String rawCapArgs,
               Path cacheDir, String containerIdOverride, String clusterStore) {

    static final List<Path> DEFAULT_PLUGIN_DIRS = List.of(Path.of("/opt/cni/bin"), Path.of("/usr/lib/cni"));
    static final Path DEFAULT_CONF_DIR = Path.of("/etc/cni/net.d");
    static final Path DEFAULT_CACHE_DIR = Path.of("/var/lib/cni");

    /** Built on first use only: most runs have no CAP_ARGS, and a mapper costs start-up time (classes, setup). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static ToolEnv from(Map<String, String> env) {
        List<Path> pluginDirs = new ArrayList<>();
        String cniPath = env.get("CNI_PATH");
        if (cniPath == null || cniPath.isEmpty()) {
            // Go's cnitool has no default (plugins are then not found); the usual install places are friendlier.
            pluginDirs.addAll(DEFAULT_PLUGIN_DIRS);
        } else {
            for (String dir : cniPath.split(":")) {
                if (!dir.isEmpty()) {
                    pluginDirs.add(Path.of(dir));
                }
            }
        }
        return new ToolEnv(Path.of(nonEmpty(env.get("NETCONFPATH"), DEFAULT_CONF_DIR.toString())),
                List.copyOf(pluginDirs), nonEmpty(env.get("CNI_IFNAME"), "eth0"),
                nonEmpty(env.get("CNI_ARGS"), ""), nonEmpty(env.get("CAP_ARGS"), ""),
                Path.of(nonEmpty(env.get("CNI_CACHE_DIR"), DEFAULT_CACHE_DIR.toString())),
                nonEmpty(env.get("CNI_CONTAINERID"), ""), nonEmpty(env.get("CNI4J_CLUSTER_STORE"), ""));
    }

    /**
     * {@code CNI_ARGS} as ordered pairs, by cnitool's rule: split on {@code ;}, each exactly {@code K=V} with both
     * sides non-empty.
     *
     * @throws ToolException {@code invalid CNI_ARGS pair "<pair>"}, cnitool's text
     */
    List<Map.Entry<String, String>> cniArgs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawCniArgs.isEmpty()) {
            return pairs;
        }
        for (String pair : rawCniArgs.split(";", -1)) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
                throw new ToolException("invalid CNI_ARGS pair \"" + pair + "\"");
            }
            pairs.add(Map.entry(kv[0], kv[1]));
        }
        return pairs;
    }

    /**
     * {@code CAP_ARGS} as a JSON object (empty when unset).
     *
     * @throws ToolException when it is not a JSON object
     */
    ObjectNode capArgs() {
        if (rawCapArgs.isEmpty()) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(rawCapArgs);
        } catch (JsonProcessingException e) {
            throw new ToolException("invalid CAP_ARGS: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ToolException("invalid CAP_ARGS: expected a JSON object such as "
                    + "{\"portMappings\":[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]}");
        }
        return (ObjectNode) node;
    }

    /**
     * {@code CAP_ARGS} as plain Java values (maps, lists, strings, numbers, booleans), as RuntimeConf takes them.
     *
     * @throws ToolException when it is not a JSON object, or holds a {@code null}
     */
    Map<String, Object> capArgsMap() {
        if (rawCapArgs.isEmpty()) {
            // The common case skips Jackson's map deserializers, a measurable part of a short run.
            return new LinkedHashMap<>();
        }
        Map<String, Object> values = Json.MAPPER.convertValue(capArgs(),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
        if (containsNull(values)) {
            throw new ToolException("invalid CAP_ARGS: null values are not supported");
        }
        return values;
    }

    private static boolean containsNull(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(ToolEnv::containsNull);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(ToolEnv::containsNull);
        }
        return false;
    }

    /**
     * The container ID of an attachment: {@code CNI_CONTAINERID} when set (to CHECK or DEL what Podman or
     * containerd added), else cnitool's ID derived from the netns path.
     */
    String containerIdFor(Path netns) {
        return containerIdOverride.isEmpty() ? containerId(netns) : containerIdOverride;
    }

    /**
     * The container id Go's cnitool derives from the netns path, so that either tool can CHECK and DEL what the
     * other added: {@code cnitool-} and the hex of the first 10 bytes of SHA-512 of the absolute, cleaned path.
     */
    static String containerId(Path netns) {
        byte[] sum = Sha512.digest(absolute(netns).toString().getBytes(StandardCharsets.UTF_8));
        return "cnitool-" + HexFormat.of().formatHex(sum, 0, 10);
    }

    /** The netns path as cnitool passes it on: absolute and lexically cleaned (Go's {@code filepath.Abs}). */
    static Path absolute(Path netns) {
        return netns.toAbsolutePath().normalize();
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
