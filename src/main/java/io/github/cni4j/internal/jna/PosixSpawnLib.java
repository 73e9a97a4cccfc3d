package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Direct-mapped glibc functions of the native plugin executor. Every pointer is passed as a raw address
 * ({@code long}) into one native block the caller owns, so a call marshals nothing and allocates nothing on the Java
 * heap; this binding is therefore only loaded on 64-bit Linux (see {@link Spawn}). Return contracts are the man
 * pages': the {@code posix_spawn*} family returns an error number (0 on success) and leaves errno alone; the others
 * return -1 and set errno, read with {@link Native#getLastError()} right after the call on the same thread.
 */
final class PosixSpawnLib {

    static {
        Native.register(PosixSpawnLib.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private PosixSpawnLib() {
    }

    /** posix_spawn(3): 0 with the pid stored at {@code pid}, or an error number (ENOENT, EACCES, ETXTBSY, ...). */
    static native int posix_spawn(long pid, long path, long fileActions, long attr, long argv, long envp);

    /** posix_spawn_file_actions_init(3): 0 or an error number. */
    static native int posix_spawn_file_actions_init(long fileActions);

    /** posix_spawn_file_actions_destroy(3): 0 or an error number. */
    static native int posix_spawn_file_actions_destroy(long fileActions);

    /** posix_spawn_file_actions_adddup2(3): 0 or an error number; the duplicate has FD_CLOEXEC cleared. */
    static native int posix_spawn_file_actions_adddup2(long fileActions, int fd, int newFd);

    /** posix_spawnattr_init(3): 0 or an error number. */
    static native int posix_spawnattr_init(long attr);

    /** posix_spawnattr_destroy(3): 0 or an error number. */
    static native int posix_spawnattr_destroy(long attr);

    /** posix_spawnattr_setflags(3): 0 or an error number. */
    static native int posix_spawnattr_setflags(long attr, short flags);

    /** posix_spawnattr_setpgroup(3): 0 or an error number; 0 makes the child the leader of a new group. */
    static native int posix_spawnattr_setpgroup(long attr, int pgroup);

    /** posix_spawnattr_setsigmask(3): 0 or an error number. */
    static native int posix_spawnattr_setsigmask(long attr, long sigset);

    /** posix_spawnattr_setsigdefault(3): 0 or an error number. */
    static native int posix_spawnattr_setsigdefault(long attr, long sigset);

    /** sigemptyset(3): 0, or -1 with errno. */
    static native int sigemptyset(long sigset);

    /** sigfillset(3): 0, or -1 with errno. */
    static native int sigfillset(long sigset);

    /** pipe2(2): 0 with two fds stored at {@code fds} (read end first), or -1 with errno. */
    static native int pipe2(long fds, int flags);

    /** fcntl(2) with an int argument: a command-specific value, or -1 with errno. Variadic in C. */
    static native int fcntl(int fd, int cmd, int arg);

    /** poll(2): the number of ready fds, 0 on timeout, or -1 with errno (EINTR included). */
    static native int poll(long fds, long nfds, int timeoutMillis);

    /** read(2): bytes read, 0 at end of file, or -1 with errno (EAGAIN on an empty non-blocking pipe). */
    static native long read(int fd, long buf, long count);

    /** write(2): bytes written, or -1 with errno (EAGAIN on a full non-blocking pipe, EPIPE without reader). */
    static native long write(int fd, long buf, long count);

    /** close(2): 0, or -1 with errno. */
    static native int close(int fd);

    /** kill(2): 0, or -1 with errno; a negative pid signals that process group. */
    static native int kill(int pid, int sig);

    /** waitpid(2): the pid, 0 with WNOHANG while it runs, or -1 with errno. */
    static native int waitpid(int pid, long status, int options);

    /** syscall(2), used for pidfd_open (Linux 5.3+): the result, or -1 with errno (ENOSYS on older kernels). */
    static native long syscall(long number, long arg1, long arg2);
}
