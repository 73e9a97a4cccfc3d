package io.github.cni4j.plugins;

import io.github.cni4j.error.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** File work of {@link NetworkManager}: the conf-dir lock and atomic, durable writes. */
final class ConfDirIo {

    /** nerdctl's lock file name, so cni4j and nerdctl exclude each other. */
    static final String LOCK_FILE = ".nerdctl.lock";

    /** FileLock is per process; threads of this JVM queue on this lock first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private ConfDirIo() {
    }

    static <T> T locked(Path dir, Supplier<T> work) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new ConfigException(5, "cannot lock network conf dir: " + e, dir.toString(), 0, 0, null, e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Temp file in the same dir, fsync, chmod 0644, atomic rename, fsync of the dir: never a torn conflist. */
    static void writeAtomically(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ConfigException(5, "cannot write network config: " + e, file.toString(), 0, 0, null, e);
        }
    }
}
