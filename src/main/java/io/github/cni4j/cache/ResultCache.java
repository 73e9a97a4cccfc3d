package io.github.cni4j.cache;

import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.cache.CacheFiles;
import io.github.cni4j.internal.config.GoQuote;
import io.github.cni4j.internal.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
 * <p>Unlike libcni, writes are atomic (temp file, rename), so a killed writer never leaves the empty file that
 * blocked DEL in containernetworking/cni#1055; by default they are also durable ({@link Sync}). Directories are
 * 0700, files 0600.
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.of(Path.of("/var/lib/cni"));
 * ResultCache likeGo = cache.withSync(ResultCache.Sync.NONE);   // no fsync at all, as Go libcni
 * Optional<CachedAttachment> a = cache.get("mynet", "ctr1", "eth0");
 * List<CachedAttachment> all = cache.attachments("ctr1");
 * }</pre>
 *
 * <p>Immutable and thread-safe. Serializing operations on one attachment is the invoker's job.
 */
public final class ResultCache {

    /** libcni's default cache directory. */
    public static final Path DEFAULT_DIR = Path.of("/var/lib/cni");

    /** Longest file name Linux file systems accept. */
    private static final int MAX_NAME_BYTES = 255;

    /**
     * What a cache write waits for, traded against a power cut or kernel crash (a killed process never leaves a torn
     * entry, whatever is chosen). See {@code docs/performance.md} for what each sync costs.
     *
     * <pre>{@code
     * CniInvoker invoker = CniInvoker.builder().cacheSync(ResultCache.Sync.FILE).build();
     * }</pre>
     */
    public enum Sync {
        /** The default: {@code fdatasync} of the entry before its rename, {@code fsync} of {@code results/} after. */
        FILE_AND_DIRECTORY,
        /** The entry's {@code fdatasync} only: never torn, but a power cut may lose the newest write. */
        FILE,
        /** No sync, as Go libcni: a power cut may leave an entry empty or torn, which then fails its DEL. */
        NONE
    }

    private final Path dir;
    private final Sync sync;

    private ResultCache(Path dir, Sync sync) {
        this.dir = dir;
        this.sync = sync;
    }

    /**
     * Returns the cache rooted at {@code dir}.
     *
     * @param dir the cache directory (files go to {@code dir/results})
     * @return the cache
     */
    public static ResultCache of(Path dir) {
        return new ResultCache(Objects.requireNonNull(dir, "dir"), Sync.FILE_AND_DIRECTORY);
    }

    /**
     * Returns this cache with writes synced as {@code sync} says.
     *
     * @param sync the sync level
     * @return the cache
     */
    public ResultCache withSync(Sync sync) {
        return new ResultCache(dir, Objects.requireNonNull(sync, "sync"));
    }

    /** {@return how writes are synced ({@link Sync#FILE_AND_DIRECTORY} unless set)} */
    public Sync sync() {
        return sync;
    }

    /** {@return the cache directory} */
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
     * @throws CniException (code 5) when a part is empty, with libcni's message; when the name would contain
     *         {@code /} or NUL or be longer than 255 bytes (a file name limit of Linux file systems)
     */
    public Path file(String network, String containerId, String ifName) {
        if (network.isEmpty() || containerId.isEmpty() || ifName.isEmpty()) {
            throw new CniException(CniException.IO_FAILURE,
                    "cache file path requires network name (\"" + network + "\"), container ID (\""
                    + containerId + "\"), and interface name (\"" + ifName + "\")");
        }
        String name = network + "-" + containerId + "-" + ifName;
        // libcni joins the parts unchecked, so "../" in a network name of a DEL (which validates nothing) would
        // reach outside the cache. A name must stay one plain file name inside results/.
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new CniException(CniException.IO_FAILURE, "cache file name " + GoQuote.quote(name)
                    + " contains a path separator or NUL; refusing to leave " + dir.resolve("results"));
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new CniException(CniException.IO_FAILURE,
                    "cache file name for network \"" + network + "\", container ID \"" + containerId
                    + "\" and interface \"" + ifName + "\" is longer than " + MAX_NAME_BYTES + " bytes");
        }
        return dir.resolve("results").resolve(name);
    }

    /**
     * Writes (replaces) an entry atomically, synced as {@link #sync()} says.
     *
     * @param entry the entry
     * @throws CniException (code 5) when it cannot be written
     */
    public void put(CachedAttachment entry) {
        Path f = file(entry.networkName(), entry.containerId(), entry.ifName());
        try {
            AtomicFiles.write(f, CacheCodec.encode(entry), sync != Sync.NONE, sync == Sync.FILE_AND_DIRECTORY);
        } catch (NotDirectoryException e) {
            throw new CniException(CniException.IO_FAILURE, e.getMessage(), null, e);
        } catch (IOException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to write cache file " + f + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Reads an entry.
     *
     * @param network the network name
     * @param containerId the container ID
     * @param ifName the interface name
     * @return the entry, or empty when there is none
     * @throws CniException (code 5) when the file exists but is empty, unreadable or not a {@code cniCacheV1} entry
     */
    public Optional<CachedAttachment> get(String network, String containerId, String ifName) {
        Path f = file(network, containerId, ifName);
        Optional<byte[]> bytes = CacheFiles.readOrThrow(f);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CacheCodec.decode(bytes.get()).orElseThrow(() -> new CniException(CniException.IO_FAILURE,
                "cache file " + f + " is " + (bytes.get().length == 0 ? "empty" : "not a cniCacheV1 entry"))));
    }

    /**
     * Removes an entry; a missing one is fine.
     *
     * @param network the network name
     * @param containerId the container ID
     * @param ifName the interface name
     * @return whether a file was removed (temp files an interrupted write of this entry left are removed too)
     * @throws CniException (code 5) when the file exists but cannot be removed
     */
    public boolean remove(String network, String containerId, String ifName) {
        Path f = file(network, containerId, ifName);
        try {
            boolean removed = Files.deleteIfExists(f);
            removeTempFiles(f);
            return removed;
        } catch (IOException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to remove cache file " + f + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Removes what a writer of this entry killed between creating its temp file and renaming it left behind
     * ({@code .<name>.<digits>.tmp}, see AtomicFiles); without this they would pile up after crashes.
     */
    private static void removeTempFiles(Path entry) throws IOException {
        String prefix = "." + entry.getFileName() + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(entry.getParent())) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4
                        && n.substring(prefix.length(), n.length() - 4).chars().allMatch(Character::isDigit)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (NoSuchFileException e) {
            // No results directory: nothing to clean.
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
            throw new CniException(CniException.IO_FAILURE,
                    "failed to list " + dir.resolve("results") + ": " + e.getMessage(), null, e);
        }
        files.sort(null);
        List<CachedAttachment> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith(".")) {
                // A temp file of an interrupted atomic write: never an entry, even when its content is complete.
                continue;
            }
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
