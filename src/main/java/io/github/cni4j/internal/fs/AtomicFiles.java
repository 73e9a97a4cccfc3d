package io.github.cni4j.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement: write a temp file in the target's directory, fsync it, rename it over the target,
 * fsync the directory. A reader sees the old file or the new one, never a truncated one (the empty cache files of
 * containernetworking/cni#1055 came from truncate-and-write). Directories are made 0700, files 0600, and a
 * directory on the way that is a symlink is refused, so a planted link cannot redirect the write.
 */
public final class AtomicFiles {

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private static final FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {
    }

    /**
     * Creates {@code dir} and its missing parents with mode 0700, refusing symlinks.
     *
     * @param dir the directory
     * @throws IOException on failure, or if {@code dir} (or a created part) is a symlink; a
     *         {@link NotDirectoryException} {@code mkdir <path>: not a directory} (Go's words) naming the first part
     *         that exists but is not a directory
     */
    public static void ensureDir(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("refusing to use " + dir + ": it is a symbolic link");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            ensureDir(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                // Go's os.MkdirAll words, which libcni's cache errors carry.
                throw new NotDirectoryException("mkdir " + dir + ": not a directory");
            }
        }
    }

    /**
     * Atomically replaces {@code target} with {@code data} (mode 0600): a temp file made with {@code O_EXCL}, written,
     * {@code fdatasync}'d when {@code syncFile}, renamed over the target, and the directory {@code fsync}'d when
     * {@code syncDir}.
     *
     * @param target the file
     * @param data the new content
     * @param syncFile whether the content is on disk before the rename (else a power cut may leave it torn)
     * @param syncDir whether the rename is on disk before this returns (else a power cut may undo it)
     * @throws IOException on failure; the old content is then untouched
     */
    public static void write(Path target, byte[] data, boolean syncFile, boolean syncDir) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        ensureDir(dir);
        // Digits only: ResultCache and GC recognise a killed writer's leftover by this name.
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        FileChannel ch = FileChannel.open(tmp, CREATE_NEW, PRIVATE);   // O_EXCL: never another writer's file
        try {
            try (ch) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (syncFile) {
                    ch.force(false);   // fdatasync: the size is data for it; mode and times need not be durable
                }
            }
            // rename(2) replaces a symlink at the target itself; it never writes through it.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (syncDir) {
            syncDir(dir);
        }
    }

    private static void syncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (AccessDeniedException e) {
            // Some file systems refuse opening directories; the rename is then as durable as they allow.
        }
    }
}
