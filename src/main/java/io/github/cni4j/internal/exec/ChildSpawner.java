package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Spawn;

/**
 * Starts the child of a {@link NativeRun}: three {@code O_CLOEXEC} pipes (the parent's ends made non-blocking), file
 * actions that put the child's ends on 0/1/2 and close every other fd, and attributes for a new process group, an
 * empty signal mask and default dispositions. Stateless; the native block is the caller's.
 */
final class ChildSpawner {

    private ChildSpawner() {
    }

    /**
     * Spawns the program of {@code image} ({path, argv, envp} addresses).
     *
     * @param fds filled as soon as known: pid, parent's stdin (write end), stdout and stderr (read ends), pidfd (-1
     *        when the kernel has none); the caller closes them
     * @return 0, or the error number of pipe2 or posix_spawn (ENOENT, EACCES, ETXTBSY, ...)
     */
    static int spawn(Memory mem, long[] image, int[] fds) {
        long base = Pointer.nativeValue(mem);
        long pipes = base + NativeLayout.PIPES;
        for (int i = 0; i < 3; i++) {
            if (Spawn.pipe2(pipes + 8L * i, Linux.O_CLOEXEC) != 0) {
                int errno = Spawn.errno();
                for (int j = 0; j < i; j++) {
                    Spawn.close(mem.getInt(NativeLayout.PIPES + 8L * j));
                    Spawn.close(mem.getInt(NativeLayout.PIPES + 8L * j + 4));
                }
                return errno;
            }
        }
        int childIn = mem.getInt(NativeLayout.PIPES);
        fds[1] = mem.getInt(NativeLayout.PIPES + 4);
        fds[2] = mem.getInt(NativeLayout.PIPES + 8);
        int childOut = mem.getInt(NativeLayout.PIPES + 12);
        fds[3] = mem.getInt(NativeLayout.PIPES + 16);
        int childErr = mem.getInt(NativeLayout.PIPES + 20);
        try {
            // Only the parent's ends are non-blocking: the flag lives on the open file, which dup2 would share.
            nonBlocking(fds[1]);
            nonBlocking(fds[2]);
            nonBlocking(fds[3]);
            return spawnChild(mem, base, image, fds, new int[] {childIn, childOut, childErr});
        } finally {
            Spawn.close(childIn);
            Spawn.close(childOut);
            Spawn.close(childErr);
        }
    }

    private static int spawnChild(Memory mem, long base, long[] image, int[] fds, int[] child) {
        long actions = base + NativeLayout.ACTIONS;
        long attr = base + NativeLayout.ATTR;
        check(Spawn.fileActionsInit(actions), "posix_spawn_file_actions_init");
        check(Spawn.attrInit(attr), "posix_spawnattr_init");
        try {
            check(Spawn.fileActionsAddDup2(actions, child[0], 0), "posix_spawn_file_actions_adddup2");
            check(Spawn.fileActionsAddDup2(actions, child[1], 1), "posix_spawn_file_actions_adddup2");
            check(Spawn.fileActionsAddDup2(actions, child[2], 2), "posix_spawn_file_actions_adddup2");
            // The JVM holds fds without O_CLOEXEC: close everything above stderr in the child.
            check(Spawn.fileActionsAddCloseFrom(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
            Spawn.sigEmptySet(base + NativeLayout.SIGMASK);
            Spawn.sigFillSet(base + NativeLayout.SIGDEFAULT);
            check(Spawn.attrSetSigMask(attr, base + NativeLayout.SIGMASK), "posix_spawnattr_setsigmask");
            check(Spawn.attrSetSigDefault(attr, base + NativeLayout.SIGDEFAULT), "posix_spawnattr_setsigdefault");
            check(Spawn.attrSetPgroup(attr, 0), "posix_spawnattr_setpgroup");
            check(Spawn.attrSetFlags(attr, (short) (Linux.POSIX_SPAWN_SETPGROUP | Linux.POSIX_SPAWN_SETSIGMASK
                    | Linux.POSIX_SPAWN_SETSIGDEF)), "posix_spawnattr_setflags");
            int rc = Spawn.posixSpawn(base + NativeLayout.PID, image[0], actions, attr, image[1], image[2]);
            if (rc != 0) {
                return rc;
            }
            fds[0] = mem.getInt(NativeLayout.PID);
            fds[4] = Spawn.pidfdOpen(fds[0]);
            return 0;
        } finally {
            Spawn.fileActionsDestroy(actions);
            Spawn.attrDestroy(attr);
        }
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " failed with error " + rc);
        }
    }

    /** A fresh pipe end has no status flags F_SETFL can change, so one call suffices (no F_GETFL first). */
    private static void nonBlocking(int fd) {
        if (Spawn.fcntl(fd, Linux.F_SETFL, Linux.O_NONBLOCK) < 0) {
            throw new IllegalStateException("fcntl(O_NONBLOCK) failed with errno " + Spawn.errno());
        }
    }
}
