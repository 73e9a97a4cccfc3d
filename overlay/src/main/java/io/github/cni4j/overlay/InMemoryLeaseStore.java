package io.github.cni4j.overlay;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link LeaseStore} inside one JVM, for tests and single-process simulations of many hosts.
 *
 * <pre>{@code
 * LeaseStore store = new InMemoryLeaseStore();
 * store.putIfAbsent("k", "v"); // true
 * store.putIfAbsent("k", "w"); // false
 * }</pre>
 */
public final class InMemoryLeaseStore implements LeaseStore {
    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>();

    /** An empty store. */
    public InMemoryLeaseStore() {
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public Map<String, String> list(String prefix) {
        return Map.copyOf(new TreeMap<>(entries.subMap(prefix, prefix + Character.MAX_VALUE)));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
