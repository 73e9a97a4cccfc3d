package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads libcni's result cache ({@code <cacheDir>/results/*}, REFERENCE B.8) to find a network's attachments. */
final class CacheScan {

    /** Larger entries are not libcni's (a result plus a base64 conflist); skipping them bounds memory. */
    private static final long MAX_ENTRY = 16L * 1024 * 1024;

    private CacheScan() {
    }

    /** Container ID to its cached addresses, for every valid entry of the network; unreadable entries are skipped. */
    static Map<String, List<String>> attachments(Path cacheDir, String network) {
        Map<String, List<String>> out = new TreeMap<>();
        Path results = cacheDir.resolve("results");
        if (!Files.isDirectory(results)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(results)) {
            for (Path f : ds) {
                JsonNode entry = read(f);
                if (entry == null || !"cniCacheV1".equals(entry.path("kind").asText())
                        || !network.equals(entry.path("networkName").asText())) {
                    continue;
                }
                List<String> ips = out.computeIfAbsent(entry.path("containerId").asText(), k -> new ArrayList<>());
                entry.path("result").path("ips").forEach(ip -> ips.add(ip.path("address").asText()));
            }
        } catch (IOException e) {
            // an unreadable cache dir means no attachment is known, as libcni treats it
            return out;
        }
        return out;
    }

    private static JsonNode read(Path f) {
        try {
            if (!Files.isRegularFile(f) || Files.size(f) == 0 || Files.size(f) > MAX_ENTRY) {
                return null;
            }
            return Fields.MAPPER.readTree(Files.readAllBytes(f));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
