package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Direct-mapped glibc functions that every supported Linux C library has (direct mapping skips JNA's per-call
 * reflection). Each returns what its man page says; on failure the errno is read with {@link Native#getLastError()}
 * immediately after the call, on the same thread. Use {@link Sys}, which does the checking, instead of this class.
 */
final class LibC {

    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    /** open(2): a new fd, or -1 with errno. The C function is variadic; the mode is only read with O_CREAT. */
    static native int open(String path, int flags, int mode);

    /** close(2): 0, or -1 with errno. */
    static native int close(int fd);

    /** mkdir(2): 0, or -1 with errno. */
    static native int mkdir(String path, int mode);

    /** unlink(2): 0, or -1 with errno. */
    static native int unlink(String path);

    /** mount(2): 0, or -1 with errno. {@code data} may be null. */
    static native int mount(String source, String target, String fstype, long flags, String data);

    /** umount2(2): 0, or -1 with errno. */
    static native int umount2(String target, int flags);

    /** statfs(2): 0 with {@code buf} filled, or -1 with errno. */
    static native int statfs(String path, Statfs buf);

    /** ioctl(2) without an argument: a request-specific value, or -1 with errno. Variadic in C. */
    static native int ioctl(int fd, long request);

    /** socket(2): a new fd, or -1 with errno. */
    static native int socket(int domain, int type, int protocol);

    /** send(2): bytes sent, or -1 with errno. */
    static native long send(int fd, byte[] buf, long len, int flags);

    /** recv(2): bytes received (0 at end), or -1 with errno. */
    static native long recv(int fd, byte[] buf, long len, int flags);

    /** strerror(3): the C library's text for an errno. */
    static native String strerror(int errnum);
}
