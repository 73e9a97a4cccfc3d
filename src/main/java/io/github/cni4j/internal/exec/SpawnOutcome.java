package io.github.cni4j.internal.exec;

/**
 * How one native run ended, before it is mapped to the SPI's result.
 *
 * @param spawnErrno 0 when the process started, else the error number posix_spawn (or a pipe) reported
 * @param exitStatus the exit status, or -1 when it did not start, died by a signal or was never reaped
 * @param signal the terminating signal, 0 when none
 * @param timedOut whether the deadline passed (or the thread was interrupted) and the group was killed
 * @param stdout the head of stdout
 * @param stdoutOverflow whether stdout passed its bound (the group was killed then)
 * @param stderrTail the tail of stderr
 */
record SpawnOutcome(int spawnErrno, int exitStatus, int signal, boolean timedOut, byte[] stdout,
                    boolean stdoutOverflow, byte[] stderrTail) {

    static SpawnOutcome notStarted(int errno) {
        return new SpawnOutcome(errno, -1, 0, false, new byte[0], false, new byte[0]);
    }
}
