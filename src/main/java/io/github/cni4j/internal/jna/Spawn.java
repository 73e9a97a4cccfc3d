package io.github.cni4j.internal.jna;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The C calls of the native plugin executor ({@code internal.exec}), direct-mapped glibc functions, unchecked: the
 * {@code posix_spawn*} family returns an error number (0 on success) and leaves errno alone; the others return -1
 * and set errno, which {@link #errno()} reads right after the call on the same thread. Every pointer is a raw
 * address ({@code long}) into a native block the caller owns, so a call marshals and allocates nothing.
 *
 * <p>The Java names map to the C names by rule ({@link #cName}): {@code fileActionsAddDup2} is
 * {@code posix_spawn_file_actions_adddup2}, {@code attrSetFlags} is {@code posix_spawnattr_setflags}.
 *
 * <p>The flags and error numbers are in {@link Linux}, whose ABIs are the only ones {@link #unavailable()} lets
 * through. Thread-safe: these are plain system calls.
 */
public final class Spawn {

    private static final Optional<String> UNAVAILABLE = probe();

    private Spawn() {
    }

    /** Checks the platform, then binds the natives below (only on 64-bit Linux). */
    private static Optional<String> probe() {
        if (!Platform.isLinux()) {
            return Optional.of("not Linux");
        }
        String arch = Platform.ARCH;
        if (Native.POINTER_SIZE != 8 || !("x86-64".equals(arch) || "aarch64".equals(arch) || "riscv64".equals(arch))) {
            return Optional.of("unsupported architecture " + arch);
        }
        try {
            FunctionMapper mapper = (lib, method) -> cName(method.getName());
            Native.register(Spawn.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME,
                    Map.of(Library.OPTION_FUNCTION_MAPPER, mapper)));
        } catch (LinkageError | RuntimeException e) {
            return Optional.of("cannot bind posix_spawn through JNA (posix_spawn_file_actions_addclosefrom_np needs "
                    + "glibc 2.34+): " + e);
        }
        return Optional.empty();
    }

    static String cName(String javaName) {
        String c = javaName.replaceFirst("^fileActions", "posix_spawn_file_actions_")
                .replaceFirst("^attr", "posix_spawnattr_").replaceFirst("^posixSpawn$", "posix_spawn")
                .toLowerCase(Locale.ROOT);
        return c.endsWith("addclosefrom") ? c + "_np" : c;
    }

    /**
     * Why the native executor cannot run here, or empty when it can (Linux, 64-bit x86/arm/riscv, JNA loads, every
     * symbol present). Probed once.
     *
     * @return the reason, or empty
     */
    public static Optional<String> unavailable() {
        return UNAVAILABLE;
    }

    /** @return the errno of the last failed call on this thread */
    public static int errno() {
        return Native.getLastError();
    }

    /** posix_spawn(3): 0 with the pid stored at {@code pid}, or an error number (ENOENT, EACCES, ETXTBSY, ...). */
    public static native int posixSpawn(long pid, long path, long fileActions, long attr, long argv, long envp);

    /** posix_spawn_file_actions_init(3). */
    public static native int fileActionsInit(long fileActions);

    /** posix_spawn_file_actions_destroy(3). */
    public static native int fileActionsDestroy(long fileActions);

    /** posix_spawn_file_actions_adddup2(3): the duplicate has FD_CLOEXEC cleared. */
    public static native int fileActionsAddDup2(long fileActions, int fd, int newFd);

    /** posix_spawn_file_actions_addclosefrom_np(3), glibc 2.34+. */
    public static native int fileActionsAddCloseFrom(long fileActions, int from);

    /** posix_spawnattr_init(3). */
    public static native int attrInit(long attr);

    /** posix_spawnattr_destroy(3). */
    public static native int attrDestroy(long attr);

    /** posix_spawnattr_setflags(3). */
    public static native int attrSetFlags(long attr, short flags);

    /** posix_spawnattr_setpgroup(3): 0 makes the child the leader of a new group. */
    public static native int attrSetPgroup(long attr, int pgroup);

    /** posix_spawnattr_setsigmask(3). */
    public static native int attrSetSigMask(long attr, long sigset);

    /** posix_spawnattr_setsigdefault(3). */
    public static native int attrSetSigDefault(long attr, long sigset);

    /** sigemptyset(3). */
    public static native int sigEmptySet(long sigset);

    /** sigfillset(3). */
    public static native int sigFillSet(long sigset);

    /** pipe2(2): two fds stored at {@code fds}, read end first. */
    public static native int pipe2(long fds, int flags);

    /** fcntl(2) with an int argument (variadic in C): a command-specific value. */
    public static native int fcntl(int fd, int cmd, int arg);

    /** poll(2): the number of ready fds, 0 on timeout (EINTR possible). */
    public static native int poll(long fds, long nfds, int timeoutMillis);

    /** read(2): bytes read, 0 at end of file (EAGAIN on an empty non-blocking pipe). */
    public static native long read(int fd, long buf, long count);

    /** write(2): bytes written (EAGAIN on a full non-blocking pipe, EPIPE without reader). */
    public static native long write(int fd, long buf, long count);

    /** close(2). */
    public static native int close(int fd);

    /** kill(2): a negative pid signals that process group. */
    public static native int kill(int pid, int sig);

    /** waitpid(2): the pid, 0 with WNOHANG while it runs. */
    public static native int waitpid(int pid, long status, int options);

    private static native long syscall(long number, long arg1, long arg2);

    /**
     * pidfd_open(2) (Linux 5.3+): a pollable fd (readable once the process has exited; close-on-exec), or -1 with
     * errno (ENOSYS on older kernels).
     *
     * @param pid the process
     * @return the fd or -1
     */
    public static int pidfdOpen(int pid) {
        return (int) syscall(Linux.SYS_PIDFD_OPEN, pid, 0);
    }
}
