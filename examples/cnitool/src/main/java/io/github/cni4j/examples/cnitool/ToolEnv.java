package io.github.cni4j.examples.cnitool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The environment variables Go's cnitool reads, with the same defaults, plus {@code CNI_CACHE_DIR}.
 *
 * @param confDir {@code NETCONFPATH}, default {@code /etc/cni/net.d}
 * @param pluginDirs {@code CNI_PATH} split on {@code :}; default the first existing of the usual plugin dirs
 * @param ifName {@code CNI_IFNAME}, default {@code eth0}
 * @param cniArgs {@code CNI_ARGS} as ordered pairs
 * @param capArgs {@code CAP_ARGS} as raw JSON, or empty
 * @param cacheDir {@code CNI_CACHE_DIR}, default {@code /var/lib/cni}
 */
record ToolEnv(Path confDir, List<Path> pluginDirs, String ifName, List<String[]> cniArgs, String capArgs,
               Path cacheDir) {

    static final List<Path> DEFAULT_PLUGIN_DIRS = List.of(Path.of("/opt/cni/bin"), Path.of("/usr/lib/cni"));

    static ToolEnv from(Map<String, String> env) {
        Path confDir = Path.of(nonEmpty(env.get("NETCONFPATH"), "/etc/cni/net.d"));
        List<Path> pluginDirs = new ArrayList<>();
        String cniPath = env.get("CNI_PATH");
        if (cniPath == null || cniPath.isEmpty()) {
            pluginDirs.addAll(DEFAULT_PLUGIN_DIRS);
        } else {
            for (String dir : cniPath.split(":")) {
                pluginDirs.add(Path.of(dir));
            }
        }
        return new ToolEnv(confDir, List.copyOf(pluginDirs), nonEmpty(env.get("CNI_IFNAME"), "eth0"),
                parseCniArgs(env.get("CNI_ARGS")), nonEmpty(env.get("CAP_ARGS"), ""),
                Path.of(nonEmpty(env.get("CNI_CACHE_DIR"), "/var/lib/cni")));
    }

    /** cnitool's rule: {@code K=V} pairs split on {@code ;}, each with a non-empty key and value. */
    static List<String[]> parseCniArgs(String raw) {
        List<String[]> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split(";")) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
                throw new UsageException("invalid CNI_ARGS pair \"" + pair + "\"");
            }
            pairs.add(kv);
        }
        return pairs;
    }

    /**
     * The container id Go's cnitool derives from the netns path, so that either tool can CHECK and DEL what the
     * other added: {@code cnitool-} and the hex of the first 10 bytes of SHA-512 of the absolute path.
     */
    static String containerId(Path netns) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-512")
                    .digest(netns.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "cnitool-" + HexFormat.of().formatHex(sum, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every JDK", e);
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
