package io.github.cni4j.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.error.CniException;
import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.cache.CacheFiles;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the cached result of an attachment as libcni's {@code getCachedResult} does (REFERENCE B.8), including its
 * fallback for files that are not {@code cniCacheV1} entries (a bare result in its own version), and converts it to
 * the network's version.
 */
public final class CachedResults {

    private CachedResults() {
    }

    /** Whether {@code e} is a cache failure: a plain {@link CniException} with code 5. */
    static boolean isCacheFailure(CniException e) {
        return e.getClass() == CniException.class && e.code() == CniException.IO_FAILURE;
    }

    /**
     * Loads the cached result.
     *
     * @param cache the cache
     * @param net the network
     * @param rt the attachment
     * @return the result in the network's version, or empty when there is no cache file (or it holds no result)
     * @throws CniException with libcni's inner message when the file is unreadable, empty, not a result, or the
     *         result cannot be converted
     */
    public static Optional<Result> load(ResultCache cache, Net net, RuntimeConf rt) {
        Path f = cache.file(net.name(), rt.containerId(), rt.ifName());
        Optional<byte[]> bytes = CacheFiles.readOrThrow(f);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<Result> result = parse(bytes.get(), f);
        if (result.isEmpty()) {
            return result;
        }
        try {
            return Optional.of(result.get().convertTo(CniVersion.parse(net.cniVersion())));
        } catch (CniException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to convert cached result to config version \"" + net.cniVersion()
                    + "\": " + e.getMessage(), null, e);
        }
    }

    private static Optional<Result> parse(byte[] bytes, Path f) {
        if (bytes.length == 0) {
            throw new CniException(CniException.IO_FAILURE,
                    "decoding version from network config: unexpected end of JSON input");
        }
        Optional<CacheCodec.Read> entry = CacheCodec.read(bytes, false);
        if (entry.isPresent()) {
            return Optional.ofNullable(entry.get().result()).map(CacheCodec::result);
        }
        // Not a cniCacheV1 entry: libcni reads such files as a bare result (caches of old libcni versions).
        return Optional.of(Result.fromBytes(bytes));
    }

    /**
     * Loads a cache entry for {@code cachedConfig}, with libcni's messages; its {@code cniArgs} are the caller's
     * when the file has none, as libcni replaces the caller's args only then.
     *
     * @param cache the cache
     * @param network the network name
     * @param rt the caller's attachment
     * @return the entry, empty when there is no file
     * @throws CniException (code 5) for bad JSON or a wrong kind
     */
    public static Optional<CachedAttachment> loadConfig(ResultCache cache, String network, RuntimeConf rt) {
        Path f = cache.file(network, rt.containerId(), rt.ifName());
        Optional<byte[]> bytes = CacheFiles.readOrThrow(f);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JsonInput.read(bytes.get());
        } catch (RuntimeException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to unmarshal cached network \"" + network + "\" config: "
                    + e.getMessage(), null, e);
        }
        String kind = root.path("kind").asText("");
        if (!CacheCodec.KIND.equals(kind)) {
            throw new CniException(CniException.IO_FAILURE,
                    "read cached network \"" + network + "\" config has wrong kind: " + kind);
        }
        CachedAttachment a = CacheCodec.decode(bytes.get()).orElseThrow(() -> new CniException(CniException.IO_FAILURE,
                "failed to unmarshal cached network \"" + network + "\" config: not a cache entry"));
        return Optional.of(root.path("cniArgs").isArray() ? a : CachedAttachment.builder().from(a).cniArgs(rt.args()).build());
    }

    /** {@return the parameters an attachment was added with, as libcni rebuilds them for DEL and GC}
     * @param a the cache entry */
    public static RuntimeConf runtimeConf(CachedAttachment a) {
        return RuntimeConf.builder().containerId(a.containerId()).netNs(a.netNs()).ifName(a.ifName())
                .args(a.cniArgs()).capabilityArgs(a.capabilityArgs()).build();
    }

    /**
     * The cached attachments of one container, or of all.
     *
     * @param cache the cache
     * @param containerId the container ID; empty for all containers
     * @return the entries, sorted by file name
     */
    public static List<CachedAttachment> attachments(ResultCache cache, String containerId) {
        return containerId.isEmpty() ? cache.attachments() : cache.attachments(containerId);
    }
}
