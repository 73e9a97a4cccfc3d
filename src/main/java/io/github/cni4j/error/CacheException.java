package io.github.cni4j.error;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The result cache could not be read or written.
 *
 * <p>Reading a corrupt entry never blocks DEL or GC: those treat it as absent. This exception reaches callers when
 * a cache write fails after a successful ADD, or when they read a corrupt entry explicitly.
 *
 * <pre>{@code
 * try {
 *     invoker.cachedResult(list, rt);
 * } catch (CacheException e) {
 *     log.warn("unreadable cache entry {}: {}", e.path().orElse(null), e.getMessage());
 * }
 * }</pre>
 */
public final class CacheException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Serialized state behind {@link #path()}. */
    private final transient Path path;

    /**
     * Creates the exception.
     *
     * @param msg the message
     * @param path the cache file, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public CacheException(String msg, Path path, Throwable cause) {
        super(5, msg, null, cause);
        this.path = path;
    }

    /**
     * Returns the cache file concerned, if known.
     *
     * @return the path
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }
}
