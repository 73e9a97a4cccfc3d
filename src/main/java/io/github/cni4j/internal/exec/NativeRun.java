package io.github.cni4j.internal.exec;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Spawn;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One plugin run through {@code posix_spawn}: pipes for stdin, stdout and stderr, a new process group, a poll(2) loop
 * that writes stdin and drains both outputs without threads, and a deadline after which the whole group is killed
 * and the pipes are abandoned. The child is reaped with {@code waitpid(pid)} on its own pid only, so the JDK's
 * children are never stolen.
 *
 * <p>All native state of a run lives in one malloc'd block ({@link NativeLayout}), which the thread keeps for its next
 * run; the Java side allocates the output arrays, the encoded strings and a few small objects. Not thread-safe: one instance per run.
 */
final class NativeRun {

    /** Longest single poll, so that an interrupt is noticed within this time. */
    private static final int POLL_SLICE_MILLIS = 100;
    /** Each thread keeps one native block of this size for its runs; a run that needs more gets its own. */
    private static final long KEPT = 64 * 1024;
    private static final ThreadLocal<Memory> BLOCKS = ThreadLocal.withInitial(() -> new Memory(KEPT));

    private final byte[] stdin;
    private final long deadline;
    private final OutputBuffer out;
    private final OutputBuffer err;
    private final Memory mem;
    private final long base;
    private final long stdinAt;
    private final long[] image;

    private int pid;
    private int stdinFd = -1;
    private int stdoutFd = -1;
    private int stderrFd = -1;
    private int pidFd = -1;
    private long written;
    private boolean reaped;
    private int status;

    NativeRun(String path, byte[] stdin, Map<String, String> env, long timeoutNanos, int maxStdout, int maxStderr) {
        this.stdin = stdin;
        this.deadline = System.nanoTime() + timeoutNanos;
        this.out = OutputBuffer.head(maxStdout);
        this.err = OutputBuffer.tail(maxStderr);
        SpawnImage strings = new SpawnImage(path, env);
        long imageSize = (strings.size() + 7) & ~7L;
        long size = NativeLayout.IMAGE + imageSize + stdin.length;
        this.mem = size <= KEPT ? BLOCKS.get() : new Memory(size);
        this.base = Pointer.nativeValue(mem);
        this.image = strings.write(mem, NativeLayout.IMAGE);
        this.stdinAt = NativeLayout.IMAGE + imageSize;
        mem.write(stdinAt, stdin, 0, stdin.length);
    }

    /** Runs the plugin to its end or to the deadline; never throws for anything the plugin does. */
    SpawnOutcome run() {
        try {
            int errno = spawn();
            if (errno != 0) {
                return SpawnOutcome.notStarted(errno);
            }
            boolean timedOut = pump();
            if (timedOut) {
                killGroupAndReap();
            }
            int sig = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f ? status & 0x7f : 0;
            int exit = reaped && sig == 0 ? (status >> 8) & 0xff : -1;
            return new SpawnOutcome(0, exit, reaped ? sig : 0, timedOut, out.toBytes(), out.overflow(),
                    err.toBytes());
        } finally {
            closeAll();
            if (mem.size() > KEPT) {
                mem.close();
            }
        }
    }

    /** Creates the pipes and the child; returns 0 or the error number. */
    private int spawn() {
        int[] fds = {0, -1, -1, -1, -1};
        try {
            return ChildSpawner.spawn(mem, image, fds);
        } finally {
            pid = fds[0];
            stdinFd = fds[1];
            stdoutFd = fds[2];
            stderrFd = fds[3];
            pidFd = fds[4];
        }
    }

    /** The I/O loop; returns true when the deadline passed or the thread was interrupted. */
    private boolean pump() {
        if (stdin.length == 0) {
            stdinFd = close(stdinFd);
        } else {
            // Most stdin fits the pipe buffer: write it now rather than after a first poll.
            writeStdin(Linux.POLLOUT);
        }
        while (stdoutFd >= 0 || stderrFd >= 0 || !reaped) {
            if (stdoutFd < 0 && stderrFd < 0) {
                // Both pipes closed: the plugin is usually a zombie already, so try to reap before sleeping on it.
                tryReap();
                if (reaped) {
                    break;
                }
                if (pidFd < 0) {
                    return awaitExitWithoutPidFd();
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                return true;
            }
            int slice = (int) Math.min(POLL_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
            if (pollOnce(slice) < 0) {
                return true;
            }
        }
        stdinFd = close(stdinFd);
        return false;
    }

    /** One poll(2) and the handling of every ready fd; returns -1 when polling itself failed. */
    private int pollOnce(int timeoutMillis) {
        long fds = base + NativeLayout.POLL;
        int n = 0;
        int[] order = {stdinFd, stdoutFd, stderrFd, reaped ? -1 : pidFd};
        for (int i = 0; i < order.length; i++) {
            if (order[i] >= 0) {
                long pollfd = NativeLayout.POLL + NativeLayout.POLLFD_SIZE * n;
                mem.setInt(pollfd, order[i]);
                mem.setShort(pollfd + 4, i == 0 ? Linux.POLLOUT : Linux.POLLIN);
                mem.setShort(pollfd + 6, (short) 0);
                n++;
            }
        }
        int ready = Spawn.poll(fds, n, timeoutMillis);
        if (ready < 0) {
            return Spawn.errno() == Linux.EINTR ? 0 : -1;
        }
        for (int i = 0; i < n && ready > 0; i++) {
            long pollfd = NativeLayout.POLL + NativeLayout.POLLFD_SIZE * i;
            short revents = mem.getShort(pollfd + 6);
            if (revents != 0) {
                handle(mem.getInt(pollfd), revents);
            }
        }
        return ready;
    }

    private void handle(int fd, short revents) {
        if (fd == stdinFd) {
            writeStdin(revents);
        } else if (fd == stdoutFd) {
            stdoutFd = drain(stdoutFd, out, revents);
        } else if (fd == stderrFd) {
            stderrFd = drain(stderrFd, err, revents);
        } else if (fd == pidFd) {
            tryReap();
        }
    }

    private void writeStdin(short revents) {
        if ((revents & Linux.POLLOUT) == 0) {
            stdinFd = close(stdinFd);
            return;
        }
        while (written < stdin.length) {
            long n = Spawn.write(stdinFd, base + stdinAt + written, stdin.length - written);
            if (n >= 0) {
                written += n;
                continue;
            }
            int errno = Spawn.errno();
            if (errno == Linux.EAGAIN) {
                return;
            }
            if (errno != Linux.EINTR) {
                // EPIPE: the plugin closed stdin or exited without reading all of it; its exit status tells why.
                break;
            }
        }
        stdinFd = close(stdinFd);
    }

    /** Reads what is there; returns the fd, or -1 once it is closed (end of file, or stdout over its bound). */
    private int drain(int fd, OutputBuffer into, short revents) {
        // After a hang-up the writer is gone: read on to the end of file instead of polling once more for it.
        boolean toEnd = (revents & (Linux.POLLHUP | Linux.POLLERR)) != 0;
        long io = base + NativeLayout.IO;
        while (true) {
            long n = Spawn.read(fd, io, NativeLayout.IO_SIZE);
            if (n > 0) {
                // Past its bound a buffer only counts: keep draining so the plugin can finish (output of DEL or
                // CHECK is ignored anyway); a plugin that never stops writing runs into the deadline.
                into.append(mem, NativeLayout.IO, (int) n);
                if (n < NativeLayout.IO_SIZE && !toEnd) {
                    return fd;
                }
            } else if (n == 0) {
                return close(fd);
            } else {
                int errno = Spawn.errno();
                if (errno != Linux.EINTR) {
                    return errno == Linux.EAGAIN ? fd : close(fd);
                }
            }
        }
    }

    private void tryReap() {
        long statusAt = base + NativeLayout.STATUS;
        while (!reaped) {
            int r = Spawn.waitpid(pid, statusAt, Linux.WNOHANG);
            if (r == pid) {
                reaped = true;
                status = mem.getInt(NativeLayout.STATUS);
            } else if (r == 0 || Spawn.errno() != Linux.EINTR) {
                return;
            }
        }
    }

    /** Without a pidfd (Linux before 5.3): poll waitpid with a short back-off until the child is gone. */
    private boolean awaitExitWithoutPidFd() {
        long pause = 10_000;
        while (true) {
            tryReap();
            if (reaped) {
                return false;
            }
            if (deadline - System.nanoTime() <= 0 || Thread.currentThread().isInterrupted()) {
                return true;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
        }
    }

    /** Kills the whole group (grandchildren too) and reaps the plugin; pipes are not waited for. */
    private void killGroupAndReap() {
        Spawn.kill(-pid, Linux.SIGKILL);
        if (!reaped) {
            // In case the plugin moved itself to another group or session.
            Spawn.kill(pid, Linux.SIGKILL);
        }
        // Keep whatever is already buffered (the stderr tail explains many hangs) without waiting for more.
        if (stdoutFd >= 0) {
            stdoutFd = drain(stdoutFd, out, (short) 0);
        }
        if (stderrFd >= 0) {
            stderrFd = drain(stderrFd, err, (short) 0);
        }
        long statusAt = base + NativeLayout.STATUS;
        while (!reaped) {
            int r = Spawn.waitpid(pid, statusAt, 0);
            if (r == pid) {
                reaped = true;
                status = mem.getInt(NativeLayout.STATUS);
            } else if (Spawn.errno() != Linux.EINTR) {
                return;
            }
        }
    }

    private static int close(int fd) {
        if (fd >= 0) {
            Spawn.close(fd);
        }
        return -1;
    }

    private void closeAll() {
        stdinFd = close(stdinFd);
        stdoutFd = close(stdoutFd);
        stderrFd = close(stderrFd);
        pidFd = close(pidFd);
    }
}
