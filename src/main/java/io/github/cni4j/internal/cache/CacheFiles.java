package io.github.cni4j.internal.cache;

import io.github.cni4j.error.CniException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Raw reads of cache files, shared by {@code ResultCache} and the invoker (which needs libcni's legacy fallback). */
public final class CacheFiles {

    /** Cache files are small; anything bigger than this is not ours. */
    public static final long MAX_SIZE = 16L * 1024 * 1024;

    private CacheFiles() {
    }

    /**
     * Reads a cache file as {@link #read} does, reporting a failure as the {@link CniException} (code 5) every caller
     * raises ({@code failed to read cache file <f>: <reason>}).
     *
     * @param file the file
     * @return its bytes, or empty when it does not exist
     * @throws CniException when it exists but cannot be read, is too large, or is not a regular file
     */
    public static Optional<byte[]> readOrThrow(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to read cache file " + file + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Reads a cache file.
     *
     * @param file the file
     * @return its bytes, or empty when it does not exist
     * @throws IOException when it exists but cannot be read, is too large, or is not a regular file (symlinks are
     *         not followed)
     */
    public static Optional<byte[]> read(Path file) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // A symlink (to /dev/zero, a FIFO, another file) or a special file is not an entry cni4j wrote: reading
        // it could hang or never end, so it is reported instead of followed.
        if (!attrs.isRegularFile()) {
            throw new IOException("cache file " + file + " is not a regular file"
                    + (attrs.isSymbolicLink() ? " (it is a symbolic link)" : ""));
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // Sized by the stat (no 8 KB chunks for a 1 KB entry); a file that grew since is read on to the limit.
            int expected = (int) Math.min(attrs.size(), MAX_SIZE);
            byte[] bytes = in.readNBytes(expected + 1);
            if (bytes.length > expected) {
                byte[] rest = in.readNBytes((int) MAX_SIZE + 1 - bytes.length);
                bytes = java.util.Arrays.copyOf(bytes, bytes.length + rest.length);
                System.arraycopy(rest, 0, bytes, expected + 1, rest.length);
            }
            if (bytes.length > MAX_SIZE) {
                throw new IOException("cache file " + file + " is larger than " + MAX_SIZE + " bytes");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the temp files ({@code .<network>-<containerId>-<ifName>.<digits>.tmp}) that atomic writes of this
     * network's entries left when the writer was killed before renaming, if older than {@code minAge}. Best effort:
     * failures are ignored, since GC must go on.
     *
     * @param results the {@code results} directory
     * @param network the network name
     * @param minAge how old a temp file must be
     * @return how many were removed
     */
    public static int removeStaleTempFiles(Path results, String network, java.time.Duration minAge) {
        String prefix = "." + network + "-";
        java.time.Instant cutoff = java.time.Instant.now().minus(minAge);
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(results)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.', n.length() - 5);
                if (n.startsWith(prefix) && n.endsWith(".tmp") && dot > prefix.length()
                        && n.substring(dot + 1, n.length() - 4).chars().allMatch(Character::isDigit)
                        && dot + 1 < n.length() - 4
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No results directory, or it changed under us: nothing more to clean now.
        }
        return removed;
    }
}
