package io.github.cni4j.overlay.internal.netlink;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Direct-mapped C library calls for a route netlink socket. Each returns what its man page says; the errno of a
 * failed call is read with {@link Native#getLastError()} right after it, on the same thread.
 */
final class LibC {

    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    /** socket(2): a new fd, or -1. */
    static native int socket(int domain, int type, int protocol);

    /** bind(2) with a raw {@code sockaddr}: 0, or -1. */
    static native int bind(int fd, byte[] addr, int addrLen);

    /** setsockopt(2) with an int value: 0, or -1. */
    static native int setsockopt(int fd, int level, int name, int[] value, int len);

    /** sendto(2) with a raw {@code sockaddr}: bytes sent, or -1. */
    static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen);

    /** recv(2): bytes received, or -1. */
    static native long recv(int fd, byte[] buf, long len, int flags);

    /** close(2): 0, or -1. */
    static native int close(int fd);

    /** strerror(3). */
    static native String strerror(int errnum);
}
