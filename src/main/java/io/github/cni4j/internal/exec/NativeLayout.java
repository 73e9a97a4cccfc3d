package io.github.cni4j.internal.exec;

import io.github.cni4j.internal.jna.Spawn;

/** Offsets inside the native block of a {@link NativeRun}. */
final class NativeLayout {

    /** pid_t written by posix_spawn. */
    static final long PID = 0;
    /** Three int[2] from pipe2: stdin, stdout, stderr. */
    static final long PIPES = 8;
    /** The wait status. */
    static final long STATUS = 32;
    /** Up to four struct pollfd. */
    static final long POLL = 64;
    static final long SIGMASK = 128;
    static final long SIGDEFAULT = SIGMASK + Spawn.SIGSET_SIZE;
    static final long ACTIONS = SIGDEFAULT + Spawn.SIGSET_SIZE;
    static final long ATTR = ACTIONS + Spawn.FILE_ACTIONS_SIZE;
    /** The read buffer for stdout and stderr. */
    static final long IO = ATTR + Spawn.ATTR_SIZE;
    static final int IO_SIZE = 32 * 1024;
    /** Where {@link SpawnImage} goes, followed by the stdin bytes. */
    static final long IMAGE = IO + IO_SIZE;

    private NativeLayout() {
    }
}
