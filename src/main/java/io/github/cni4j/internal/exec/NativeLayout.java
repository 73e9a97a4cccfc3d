package io.github.cni4j.internal.exec;

/** Offsets inside the native block of a {@link NativeRun}, and the sizes of the C structures in it. */
final class NativeLayout {

    /** Bytes reserved for a {@code posix_spawn_file_actions_t} (glibc: 80). */
    static final int FILE_ACTIONS_SIZE = 256;
    /** Bytes reserved for a {@code posix_spawnattr_t} (glibc: 336). */
    static final int ATTR_SIZE = 512;
    /** Bytes of a {@code sigset_t} (glibc: 128). */
    static final int SIGSET_SIZE = 128;
    /** Bytes of a {@code struct pollfd}: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;

    /** pid_t written by posix_spawn. */
    static final long PID = 0;
    /** Three int[2] from pipe2: stdin, stdout, stderr. */
    static final long PIPES = 8;
    /** The wait status. */
    static final long STATUS = 32;
    /** Up to four struct pollfd. */
    static final long POLL = 64;
    static final long SIGMASK = 128;
    static final long SIGDEFAULT = SIGMASK + SIGSET_SIZE;
    static final long ACTIONS = SIGDEFAULT + SIGSET_SIZE;
    static final long ATTR = ACTIONS + FILE_ACTIONS_SIZE;
    /** The read buffer for stdout and stderr. */
    static final long IO = ATTR + ATTR_SIZE;
    static final int IO_SIZE = 32 * 1024;
    /** Where {@link SpawnImage} goes, followed by the stdin bytes. */
    static final long IMAGE = IO + IO_SIZE;

    private NativeLayout() {
    }
}
