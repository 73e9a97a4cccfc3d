package io.github.cni4j.internal.cache;

import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.fs.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Advisory locks (POSIX {@code fcntl} record locks, what {@code FileChannel.lock} uses) on
 * {@code <cacheDir>/locks/<network>.lock}, so that several cni4j processes sharing a cache
 * directory keep GC exclusive with ADD/CHECK/DEL of the same network (Go runtimes do not take these locks).
 *
 * <p>One file per network keeps the directory bounded; the files are never deleted, because deleting a lock file
 * while another process waits on it would break the exclusion. A JVM holds one shared lock for all its concurrent
 * users of a network (the JDK refuses overlapping locks within a process); an exclusive user holds the in-process write
 * lock first, so it never meets shared users of its own JVM.
 *
 * <p>Thread-safe.
 */
final class NetworkFileLocks {

    private static final Set<OpenOption> OPTIONS = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Map<Path, Shared> shared = new HashMap<>();
    /** Lock files whose directory this JVM has made or checked (not a symlink), so the next open needs no stat. */
    private final Set<Path> checked = ConcurrentHashMap.newKeySet();

    private static final class Shared {
        FileChannel channel;
        FileLock lock;
        int users;
    }

    /** Takes the lock of {@code file}; callers hold the matching in-process lock already. */
    KeyedLocks.Held lock(Path file, boolean exclusive) {
        if (exclusive) {
            FileChannel ch = open(file);
            FileLock l = acquire(ch, file, false);
            return () -> closeQuietly(l, ch);
        }
        synchronized (this) {
            Shared s = shared.computeIfAbsent(file, f -> new Shared());
            if (s.users == 0) {
                try {
                    s.channel = open(file);
                    s.lock = acquire(s.channel, file, true);
                } catch (RuntimeException e) {
                    shared.remove(file);
                    throw e;
                }
            }
            s.users++;
        }
        return () -> releaseShared(file);
    }

    private synchronized void releaseShared(Path file) {
        Shared s = shared.get(file);
        if (s != null && --s.users == 0) {
            closeQuietly(s.lock, s.channel);
            shared.remove(file);
        }
    }

    private FileChannel open(Path file) {
        try {
            if (checked.contains(file)) {
                try {
                    return FileChannel.open(file, OPTIONS, PRIVATE);
                } catch (NoSuchFileException e) {
                    checked.remove(file);   // the directory went away: make it again
                }
            }
            AtomicFiles.ensureDir(file.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(file, OPTIONS, PRIVATE);
            if (checked.size() > 1024) {
                checked.clear();
            }
            checked.add(file);
            return ch;
        } catch (IOException | RuntimeException e) {
            throw new CniException(CniException.IO_FAILURE,
                    "failed to open lock file " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static FileLock acquire(FileChannel ch, Path file, boolean shared) {
        try {
            return ch.lock(0, Long.MAX_VALUE, shared);
        } catch (IOException | RuntimeException e) {
            closeQuietly(null, ch);
            throw new CniException(CniException.IO_FAILURE, "failed to lock " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static void closeQuietly(FileLock lock, FileChannel ch) {
        try {
            if (lock != null) {
                lock.release();
            }
            ch.close();
        } catch (IOException e) {
            // Closing the channel drops the lock in any case.
        }
    }
}
