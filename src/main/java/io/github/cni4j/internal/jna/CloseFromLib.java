package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The one optional symbol of the native executor, kept apart from {@link PosixSpawnLib} so that a C library without
 * it (glibc before 2.34, musl) fails only this class's initialisation and the executor can report itself
 * unavailable. The JVM opens many fds without {@code O_CLOEXEC}; without a close-from action they would leak into
 * every plugin, so the native executor refuses to run without it.
 */
final class CloseFromLib {

    static {
        Native.register(CloseFromLib.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private CloseFromLib() {
    }

    /** posix_spawn_file_actions_addclosefrom_np(3), glibc 2.34+: 0 or an error number. */
    static native int posix_spawn_file_actions_addclosefrom_np(long fileActions, int from);
}
