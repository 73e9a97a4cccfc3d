package io.github.cni4j.cache;

import io.github.cni4j.CacheException;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.cache.CacheFiles;
import io.github.cni4j.internal.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * libcni's result cache: one file per attachment at {@code <dir>/results/<network>-<containerId>-<ifName>}, JSON of
 * kind {@code cniCacheV1}, byte-compatible with Go libcni so that cni4j and Go runtimes (containerd, CRI-O, cnitool)
 * can clean up each other's attachments.
 *
 * <p>Unlike libcni, writes are atomic (temp file, fsync, rename, directory fsync), so a crash never leaves the empty
 * file that blocked DEL in containernetworking/cni#1055. Directories are 0700, files 0600.
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.of(Path.of("/var/lib/cni"));
 * Optional<CachedAttachment> a = cache.get("mynet", "ctr1", "eth0");
 * List<CachedAttachment> all = cache.attachments("ctr1");
 * }</pre>
 *
 * <p>Immutable and thread-safe. Serializing operations on one attachment is the invoker's job.
 */
public final class ResultCache {

    /** libcni's default cache directory. */
    public static final Path DEFAULT_DIR = Path.of("/var/lib/cni");

    private final Path dir;

    private ResultCache(Path dir) {
        this.dir = dir;
    }

    /**
     * Returns the cache rooted at {@code dir}.
     *
     * @param dir the cache directory (files go to {@code dir/results})
     * @return the cache
     */
    public static ResultCache of(Path dir) {
        return new ResultCache(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The cache directory.
     *
     * @return the directory
     */
    public Path dir() {
        return dir;
    }

    /**
     * The file of one attachment. Names are not escaped, as in libcni.
     *
     * @param network the network name
     * @param containerId the container ID
     * @param ifName the interface name
     * @return the path
     * @throws CacheException when a part is empty, with libcni's message
     */
    public Path file(String network, String containerId, String ifName) {
        if (network.isEmpty() || containerId.isEmpty() || ifName.isEmpty()) {
            throw new CacheException("cache file path requires network name (\"" + network + "\"), container ID (\""
                    + containerId + "\"), and interface name (\"" + ifName + "\")", null, null);
        }
        return dir.resolve("results").resolve(network + "-" + containerId + "-" + ifName);
    }

    /**
     * Writes (replaces) an entry atomically.
     *
     * @param entry the entry
     * @throws CacheException when it cannot be written
     */
    public void put(CachedAttachment entry) {
        Path f = file(entry.networkName(), entry.containerId(), entry.ifName());
        try {
            AtomicFiles.write(f, CacheCodec.encode(entry));
        } catch (IOException e) {
            throw new CacheException("failed to write cache file " + f + ": " + e.getMessage(), f, e);
        }
    }

    /**
     * Reads an entry.
     *
     * @param network the network name
     * @param containerId the container ID
     * @param ifName the interface name
     * @return the entry, or empty when there is none
     * @throws CacheException when the file exists but is empty, unreadable or not a {@code cniCacheV1} entry
     */
    public Optional<CachedAttachment> get(String network, String containerId, String ifName) {
        Path f = file(network, containerId, ifName);
        Optional<byte[]> bytes;
        try {
            bytes = CacheFiles.read(f);
        } catch (IOException e) {
            throw new CacheException("failed to read cache file " + f + ": " + e.getMessage(), f, e);
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CacheCodec.decode(bytes.get()).orElseThrow(() -> new CacheException(
                "cache file " + f + " is " + (bytes.get().length == 0 ? "empty" : "not a cniCacheV1 entry"), f, null)));
    }

    /**
     * Removes an entry; a missing one is fine.
     *
     * @param network the network name
     * @param containerId the container ID
     * @param ifName the interface name
     * @return whether a file was removed
     * @throws CacheException when the file exists but cannot be removed
     */
    public boolean remove(String network, String containerId, String ifName) {
        Path f = file(network, containerId, ifName);
        try {
            return Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new CacheException("failed to remove cache file " + f + ": " + e.getMessage(), f, e);
        }
    }

    /**
     * Every readable entry, sorted by file name. Unreadable, empty, non-JSON and foreign files are skipped, as in
     * libcni's {@code GetCachedAttachments}.
     *
     * @return the entries
     */
    public List<CachedAttachment> attachments() {
        return scan(null);
    }

    /**
     * The readable entries of one container (file name contains {@code -<containerId>-} and the entry's
     * {@code containerId} matches).
     *
     * @param containerId the container ID
     * @return the entries, sorted by file name
     */
    public List<CachedAttachment> attachments(String containerId) {
        return scan(Objects.requireNonNull(containerId, "containerId"));
    }

    private List<CachedAttachment> scan(String containerId) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("results"))) {
            ds.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new CacheException("failed to list " + dir.resolve("results") + ": " + e.getMessage(),
                    dir.resolve("results"), e);
        }
        files.sort(null);
        List<CachedAttachment> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (containerId != null) {
                int at = name.indexOf("-" + containerId + "-");
                if (at <= 0 || at + containerId.length() + 2 >= name.length()) {
                    continue;
                }
            }
            readQuietly(f).filter(a -> containerId == null || a.containerId().equals(containerId))
                    .filter(a -> !a.ifName().isEmpty() && !a.networkName().isEmpty())
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<CachedAttachment> readQuietly(Path f) {
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            return CacheFiles.read(f).flatMap(CacheCodec::decode);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
