package io.github.cni4j.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Raw reads of cache files, shared by {@code ResultCache} and the invoker (which needs libcni's legacy fallback). */
public final class CacheFiles {

    /** Cache files are small; anything bigger than this is not ours. */
    public static final long MAX_SIZE = 16L * 1024 * 1024;

    private CacheFiles() {
    }

    /**
     * Reads a cache file.
     *
     * @param file the file
     * @return its bytes, or empty when it does not exist
     * @throws IOException when it exists but cannot be read, or is too large
     */
    public static Optional<byte[]> read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new IOException("cache file " + file + " is larger than " + MAX_SIZE + " bytes");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
