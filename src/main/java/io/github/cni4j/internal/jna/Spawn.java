package io.github.cni4j.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Optional;

/**
 * The C calls of the native plugin executor ({@code internal.exec}), unchecked: each returns what its man page says
 * and {@link #errno()} gives the error of the last failed call on this thread. Addresses are raw pointers into a
 * native block the caller owns (see {@link PosixSpawnLib}), so calls allocate nothing on the Java heap.
 *
 * <p>Constants are the Linux values shared by x86-64 and the asm-generic ABIs (arm64, riscv64); {@link #unavailable()}
 * refuses every other platform. Thread-safe: these are plain system calls.
 */
public final class Spawn {

    public static final int O_CLOEXEC = 02000000;
    public static final int O_NONBLOCK = 04000;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;
    public static final int SIGKILL = 9;
    public static final int WNOHANG = 1;
    public static final int EINTR = 4;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int ETXTBSY = 26;
    public static final int EPIPE = 32;
    public static final int ENOSYS = 38;
    public static final short POSIX_SPAWN_SETPGROUP = 0x02;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** Bytes reserved for a {@code posix_spawn_file_actions_t} (glibc: 80). */
    public static final int FILE_ACTIONS_SIZE = 256;
    /** Bytes reserved for a {@code posix_spawnattr_t} (glibc: 336). */
    public static final int ATTR_SIZE = 512;
    /** Bytes of a {@code sigset_t} (glibc: 128). */
    public static final int SIGSET_SIZE = 128;
    /** Bytes of a {@code struct pollfd}: int fd, short events, short revents. */
    public static final int POLLFD_SIZE = 8;

    /** {@code pidfd_open}: the same number on x86-64 and the asm-generic table (Linux 5.3+). */
    private static final long SYS_PIDFD_OPEN = 434;

    private static final Optional<String> UNAVAILABLE = probe();

    private Spawn() {
    }

    private static Optional<String> probe() {
        if (!Platform.isLinux()) {
            return Optional.of("not Linux");
        }
        String arch = Platform.ARCH;
        if (Native.POINTER_SIZE != 8 || !("x86-64".equals(arch) || "aarch64".equals(arch) || "riscv64".equals(arch))) {
            return Optional.of("unsupported architecture " + arch);
        }
        try {
            Class.forName(PosixSpawnLib.class.getName(), true, Spawn.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.of("cannot bind posix_spawn through JNA: " + e);
        }
        try {
            Class.forName(CloseFromLib.class.getName(), true, Spawn.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.of("the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+): " + e);
        }
        return Optional.empty();
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

    /** @see PosixSpawnLib#posix_spawn */
    public static int posixSpawn(long pid, long path, long fileActions, long attr, long argv, long envp) {
        return PosixSpawnLib.posix_spawn(pid, path, fileActions, attr, argv, envp);
    }

    /** @see PosixSpawnLib#posix_spawn_file_actions_init */
    public static int fileActionsInit(long fileActions) {
        return PosixSpawnLib.posix_spawn_file_actions_init(fileActions);
    }

    /** @see PosixSpawnLib#posix_spawn_file_actions_destroy */
    public static int fileActionsDestroy(long fileActions) {
        return PosixSpawnLib.posix_spawn_file_actions_destroy(fileActions);
    }

    /** @see PosixSpawnLib#posix_spawn_file_actions_adddup2 */
    public static int fileActionsAddDup2(long fileActions, int fd, int newFd) {
        return PosixSpawnLib.posix_spawn_file_actions_adddup2(fileActions, fd, newFd);
    }

    /** @see CloseFromLib#posix_spawn_file_actions_addclosefrom_np */
    public static int fileActionsAddCloseFrom(long fileActions, int from) {
        return CloseFromLib.posix_spawn_file_actions_addclosefrom_np(fileActions, from);
    }

    /** @see PosixSpawnLib#posix_spawnattr_init */
    public static int attrInit(long attr) {
        return PosixSpawnLib.posix_spawnattr_init(attr);
    }

    /** @see PosixSpawnLib#posix_spawnattr_destroy */
    public static int attrDestroy(long attr) {
        return PosixSpawnLib.posix_spawnattr_destroy(attr);
    }

    /** @see PosixSpawnLib#posix_spawnattr_setflags */
    public static int attrSetFlags(long attr, short flags) {
        return PosixSpawnLib.posix_spawnattr_setflags(attr, flags);
    }

    /** @see PosixSpawnLib#posix_spawnattr_setpgroup */
    public static int attrSetPgroup(long attr, int pgroup) {
        return PosixSpawnLib.posix_spawnattr_setpgroup(attr, pgroup);
    }

    /** @see PosixSpawnLib#posix_spawnattr_setsigmask */
    public static int attrSetSigMask(long attr, long sigset) {
        return PosixSpawnLib.posix_spawnattr_setsigmask(attr, sigset);
    }

    /** @see PosixSpawnLib#posix_spawnattr_setsigdefault */
    public static int attrSetSigDefault(long attr, long sigset) {
        return PosixSpawnLib.posix_spawnattr_setsigdefault(attr, sigset);
    }

    /** @see PosixSpawnLib#sigemptyset */
    public static int sigEmptySet(long sigset) {
        return PosixSpawnLib.sigemptyset(sigset);
    }

    /** @see PosixSpawnLib#sigfillset */
    public static int sigFillSet(long sigset) {
        return PosixSpawnLib.sigfillset(sigset);
    }

    /** @see PosixSpawnLib#pipe2 */
    public static int pipe2(long fds, int flags) {
        return PosixSpawnLib.pipe2(fds, flags);
    }

    /** @see PosixSpawnLib#fcntl */
    public static int fcntl(int fd, int cmd, int arg) {
        return PosixSpawnLib.fcntl(fd, cmd, arg);
    }

    /** @see PosixSpawnLib#poll */
    public static int poll(long fds, int nfds, int timeoutMillis) {
        return PosixSpawnLib.poll(fds, nfds, timeoutMillis);
    }

    /** @see PosixSpawnLib#read */
    public static long read(int fd, long buf, long count) {
        return PosixSpawnLib.read(fd, buf, count);
    }

    /** @see PosixSpawnLib#write */
    public static long write(int fd, long buf, long count) {
        return PosixSpawnLib.write(fd, buf, count);
    }

    /** @see PosixSpawnLib#close */
    public static int close(int fd) {
        return PosixSpawnLib.close(fd);
    }

    /** @see PosixSpawnLib#kill */
    public static int kill(int pid, int sig) {
        return PosixSpawnLib.kill(pid, sig);
    }

    /** @see PosixSpawnLib#waitpid */
    public static int waitpid(int pid, long status, int options) {
        return PosixSpawnLib.waitpid(pid, status, options);
    }

    /**
     * pidfd_open(2): a pollable fd (readable once the process has exited; close-on-exec), or -1 with errno.
     *
     * @param pid the process
     * @return the fd or -1
     */
    public static int pidfdOpen(int pid) {
        return (int) PosixSpawnLib.syscall(SYS_PIDFD_OPEN, pid, 0);
    }
}
