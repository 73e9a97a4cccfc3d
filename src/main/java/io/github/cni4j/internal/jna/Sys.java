package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import io.github.cni4j.error.NetNsException;

/**
 * Checked wrappers around the C calls that network namespaces need. Every failure becomes a
 * {@link NetNsException} with the call, errno, errno name and path; calls that callers must branch on return the
 * errno instead ({@code *Errno} methods, 0 on success).
 *
 * <p>All methods are thread-safe; namespace switches affect only the calling OS thread.
 */
public final class Sys {

    private static final String ACCESS_HINT = "; on JDK 22 and later with restricted native access, start the JVM with"
            + " --enable-native-access=com.sun.jna (JNA on the module path) or --enable-native-access=ALL-UNNAMED"
            + " (JNA on the class path)";

    private static final Throwable LIBC_FAILURE = load(LibC.class);
    private static final Throwable NS_FAILURE = load(LibCNamespaces.class);

    private Sys() {
    }

    private static Throwable load(Class<?> binding) {
        try {
            Class.forName(binding.getName(), true, binding.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return e;
        }
    }

    private static void requireLoaded(Throwable failure, String what) {
        if (failure != null) {
            Throwable root = failure.getCause() != null ? failure.getCause() : failure;
            throw new NetNsException("cannot load the C library through JNA (needed for " + what + "): " + root
                    + ACCESS_HINT,
                    "", 0, "", null, failure);
        }
    }

    /**
     * Builds the exception for a failed call: {@code <what>: <description> (<ERRNO>)}, with a capability hint for
     * {@code EPERM}.
     *
     * @param what what was attempted, naming the path
     * @param syscall the C function
     * @param errno the errno
     * @param path the path concerned, or null
     * @return the exception
     */
    public static NetNsException failure(String what, String syscall, int errno, String path) {
        String msg = what + ": " + Errno.describe(errno) + " (" + Errno.name(errno) + ")";
        if (errno == Linux.EPERM && !"open".equals(syscall)) {
            msg += "; " + syscall + " needs CAP_SYS_ADMIN (run as root or grant the capability)";
        }
        return new NetNsException(msg, syscall, errno, Errno.name(errno), path, null);
    }

    static String strerror(int errno) {
        requireLoaded(LIBC_FAILURE, "strerror");
        return LibC.strerror(errno);
    }

    /** Opens {@code path} read-only and close-on-exec; throws on failure. */
    public static int openReadOnly(String path, String what) {
        requireLoaded(LIBC_FAILURE, "open");
        int fd = LibC.open(path, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
        if (fd < 0) {
            throw failure(what, "open", Native.getLastError(), path);
        }
        return fd;
    }

    /** Creates an empty file with mode 0 that must not exist yet, as iproute2 does; returns 0 or the errno. */
    public static int createExclusiveErrno(String path) {
        requireLoaded(LIBC_FAILURE, "open");
        int fd = LibC.open(path, Linux.O_RDONLY | Linux.O_CREAT | Linux.O_EXCL | Linux.O_CLOEXEC, 0);
        if (fd < 0) {
            return Native.getLastError();
        }
        LibC.close(fd);
        return 0;
    }

    /** Closes an fd; an error is ignored, because the fd is released by the kernel even then. */
    public static void close(int fd) {
        requireLoaded(LIBC_FAILURE, "close");
        LibC.close(fd);
    }

    /** mkdir(2); returns 0 or the errno. */
    public static int mkdirErrno(String path, int mode) {
        requireLoaded(LIBC_FAILURE, "mkdir");
        return LibC.mkdir(path, mode) == 0 ? 0 : Native.getLastError();
    }

    /** unlink(2); returns 0 or the errno. */
    public static int unlinkErrno(String path) {
        requireLoaded(LIBC_FAILURE, "unlink");
        return LibC.unlink(path) == 0 ? 0 : Native.getLastError();
    }

    /** mount(2); returns 0 or the errno. */
    public static int mountErrno(String source, String target, String fstype, long flags) {
        requireLoaded(LIBC_FAILURE, "mount");
        return LibC.mount(source, target, fstype, flags, null) == 0 ? 0 : Native.getLastError();
    }

    /** umount2(2); returns 0 or the errno. */
    public static int umount2Errno(String target, int flags) {
        requireLoaded(LIBC_FAILURE, "umount2");
        return LibC.umount2(target, flags) == 0 ? 0 : Native.getLastError();
    }

    /** statfs(2); returns the filesystem magic, or {@code -errno} (magics are positive). */
    public static long statfsMagic(String path) {
        requireLoaded(LIBC_FAILURE, "statfs");
        Statfs buf = new Statfs();
        if (LibC.statfs(path, buf) != 0) {
            return -Native.getLastError();
        }
        buf.read();
        return buf.f_type.longValue() & 0xffffffffL;
    }

    /** ioctl(fd, NS_GET_NSTYPE); returns the CLONE_NEW* type, or {@code -errno}. */
    public static int nsType(int fd) {
        requireLoaded(LIBC_FAILURE, "ioctl");
        int type = LibC.ioctl(fd, Linux.NS_GET_NSTYPE);
        return type >= 0 ? type : -Native.getLastError();
    }

    /** setns(fd, CLONE_NEWNET) on the calling thread; returns 0 or the errno. */
    public static int setnsErrno(int fd) {
        requireLoaded(NS_FAILURE, "setns");
        return LibCNamespaces.setns(fd, Linux.CLONE_NEWNET) == 0 ? 0 : Native.getLastError();
    }

    /** unshare(CLONE_NEWNET) on the calling thread; returns 0 or the errno. */
    public static int unshareNetErrno() {
        requireLoaded(NS_FAILURE, "unshare");
        return LibCNamespaces.unshare(Linux.CLONE_NEWNET) == 0 ? 0 : Native.getLastError();
    }

    /** A route netlink socket in the calling thread's network namespace; throws on failure. */
    public static int netlinkRouteSocket() {
        requireLoaded(LIBC_FAILURE, "socket");
        int fd = LibC.socket(Linux.AF_NETLINK, Linux.SOCK_RAW | Linux.SOCK_CLOEXEC, Linux.NETLINK_ROUTE);
        if (fd < 0) {
            throw failure("cannot open a route netlink socket", "socket", Native.getLastError(), null);
        }
        return fd;
    }

    /** Sends the whole buffer; throws on failure. */
    public static void send(int fd, byte[] buf) {
        long n = LibC.send(fd, buf, buf.length, 0);
        if (n != buf.length) {
            throw failure("cannot send a netlink request", "send", n < 0 ? Native.getLastError() : Linux.EINTR, null);
        }
    }

    /** Receives into {@code buf}, retrying on EINTR; returns the byte count. */
    public static int recv(int fd, byte[] buf) {
        while (true) {
            long n = LibC.recv(fd, buf, buf.length, 0);
            if (n >= 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (errno != Linux.EINTR) {
                throw failure("cannot receive a netlink answer", "recv", errno, null);
            }
        }
    }
}
