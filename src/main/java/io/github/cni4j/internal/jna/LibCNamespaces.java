package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The namespace calls, registered separately from {@link LibC} because they came later (glibc 2.14): a C library
 * without them must still let {@code isNetNs} and the file operations work, and fail only the switch itself.
 */
final class LibCNamespaces {

    static {
        Native.register(LibCNamespaces.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibCNamespaces() {
    }

    /** setns(2): moves the calling thread into the namespace of {@code fd}; 0, or -1 with errno. */
    static native int setns(int fd, int nstype);

    /** unshare(2): gives the calling thread new namespaces of the {@code flags} kinds; 0, or -1 with errno. */
    static native int unshare(int flags);
}
