package io.github.cni4j.internal.facade;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises operations on one container, as the spec requires (no parallel ADD/DEL for one container), while
 * different containers usually proceed in parallel. Striped {@link ReentrantLock}s rather than
 * {@code synchronized}, so a virtual thread waiting for a plugin run does not pin its carrier on Java 21.
 */
public final class ContainerLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /** Creates the stripes. */
    public ContainerLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Returns the lock guarding a container; the same ID always maps to the same lock.
     * @param containerId the container
     * @return its lock */
    public ReentrantLock of(String containerId) {
        int h = containerId.hashCode();
        return locks[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }
}
