package io.github.cni4j.internal.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Read-write locks by key, created on demand and dropped when nobody holds or waits for them, so the map stays as
 * small as the set of keys in use.
 *
 * <p>Thread-safe.
 */
public final class KeyedLocks {

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        int users;
    }

    /**
     * Takes the lock of {@code key}, waiting as long as needed.
     *
     * @param key the key
     * @param exclusive true for the write lock, false for a shared read lock
     * @return the held lock
     */
    public Held lock(String key, boolean exclusive) {
        Entry e = locks.compute(key, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users++;
            return entry;
        });
        Lock l = exclusive ? e.lock.writeLock() : e.lock.readLock();
        try {
            l.lock();
        } catch (RuntimeException | Error ex) {
            release(key);
            throw ex;
        }
        return () -> {
            l.unlock();
            release(key);
        };
    }

    private void release(String key) {
        locks.computeIfPresent(key, (k, v) -> --v.users == 0 ? null : v);
    }

    /** {@return the number of keys currently tracked (for tests)} */
    public int size() {
        return locks.size();
    }
}
