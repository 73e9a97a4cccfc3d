package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.jna.Errno;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Sys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Named namespaces under {@code /run/netns}, made and removed the way {@code ip netns add/del} does it. */
final class NamedNetNs {

    /** iproute2's NETNS_RUN_DIR ({@code /var/run/netns}, where {@code /var/run} links to {@code /run}). */
    static final Path RUN_DIR = Path.of("/run/netns");
    private static final Path VAR_RUN_DIR = Path.of("/var/run/netns");
    private static final int NAME_MAX = 255;
    /**
     * Set once the run dir is a shared mount. iproute2 checks on every {@code ip netns add} because each is a new
     * process; one check per JVM gives the same guarantee and saves two syscalls per create.
     */
    private static volatile boolean runDirShared;

    private NamedNetNs() {
    }

    static void validateName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            throw new IllegalArgumentException("invalid network namespace name \"" + name
                    + "\": expected 1 to " + NAME_MAX + " bytes, no '/' or NUL, and not '.' or '..'");
        }
    }

    /** The name when {@code path} is a direct child of the netns run directory. */
    static String nameOf(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        boolean named = parent != null && (parent.equals(RUN_DIR) || parent.equals(VAR_RUN_DIR));
        return named ? path.getFileName().toString() : null;
    }

    /** Creates the namespace and its pin file; returns the pin file path. */
    static String create(String name) {
        makeRunDirShared();
        String file = RUN_DIR.resolve(name).toString();
        int errno = Sys.createExclusiveErrno(file);
        if (errno == Linux.EEXIST) {
            throw new NetNsException("network namespace \"" + name + "\" already exists (" + file + ")",
                    "open", errno, Errno.name(errno), file, null);
        } else if (errno != 0) {
            throw withRootHint(Sys.failure("cannot create namespace file \"" + file + "\"", "open", errno, file));
        }
        try {
            NsSwitch.unshareAndPin(file);
        } catch (RuntimeException | Error e) {
            // Leave nothing behind, as iproute2 does on a failed add.
            Sys.umount2Errno(file, Linux.MNT_DETACH);
            Sys.unlinkErrno(file);
            throw e;
        }
        return file;
    }

    /** Ensures the run dir exists and is a shared mount of itself, so pins propagate to other mount namespaces. */
    private static void makeRunDirShared() {
        if (runDirShared) {
            return;
        }
        String dir = RUN_DIR.toString();
        int errno = Sys.mkdirErrno(dir, 0755);
        if (errno != 0 && errno != Linux.EEXIST) {
            throw withRootHint(Sys.failure("cannot create " + dir, "mkdir", errno, dir));
        }
        boolean boundOntoItself = false;
        while ((errno = Sys.mountErrno("", dir, "none", Linux.MS_SHARED | Linux.MS_REC)) != 0) {
            // EINVAL means the directory is not a mount point yet: make it one, then retry once.
            if (errno != Linux.EINVAL || boundOntoItself) {
                throw Sys.failure("cannot make " + dir + " a shared mount", "mount", errno, dir);
            }
            errno = Sys.mountErrno(dir, dir, "none", Linux.MS_BIND | Linux.MS_REC);
            if (errno != 0) {
                throw Sys.failure("cannot bind-mount " + dir + " onto itself", "mount", errno, dir);
            }
            boundOntoItself = true;
        }
        runDirShared = true;
    }

    static void delete(String name) {
        String file = RUN_DIR.resolve(name).toString();
        int errno = Sys.umount2Errno(file, Linux.MNT_DETACH);
        // EINVAL: not a mount point (a half-made or foreign file); removing the file is still right.
        if (errno != 0 && errno != Linux.EINVAL) {
            throw errno == Linux.ENOENT ? missing(name, file, errno)
                    : Sys.failure("cannot unmount network namespace \"" + file + "\"", "umount2", errno, file);
        }
        errno = Sys.unlinkErrno(file);
        if (errno != 0) {
            throw errno == Linux.ENOENT ? missing(name, file, errno)
                    : Sys.failure("cannot remove namespace file \"" + file + "\"", "unlink", errno, file);
        }
    }

    private static NetNsException missing(String name, String file, int errno) {
        return new NetNsException("network namespace \"" + name + "\" does not exist (no " + file + ")",
                "unlink", errno, Errno.name(errno), file, null);
    }

    static List<String> list() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(RUN_DIR)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new NetNsException("cannot list " + RUN_DIR + ": " + e.getMessage(), "opendir", 0, "",
                    RUN_DIR.toString(), e);
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    private static NetNsException withRootHint(NetNsException e) {
        if (e.errno() != Linux.EACCES && e.errno() != Linux.EPERM) {
            return e;
        }
        String hint = e.errno() == Linux.EACCES ? "; named network namespaces need root (CAP_SYS_ADMIN)" : "";
        return new NetNsException(e.msg() + hint, e.syscall(), e.errno(), e.errnoName(), e.path().orElse(null), null);
    }
}
