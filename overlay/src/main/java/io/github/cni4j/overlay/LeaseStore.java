package io.github.cni4j.overlay;

import java.util.Map;
import java.util.Optional;

/**
 * The shared key-value store the subnet leases live in; {@link #putIfAbsent} must be atomic across hosts
 * (for etcd: one transaction comparing the key's create revision with 0, then a put).
 *
 * <pre>{@code
 * LeaseStore store = new InMemoryLeaseStore();
 * boolean won = store.putIfAbsent("/cni4j/overlay/leases/web/10.200.1.0-24", "192.0.2.1");
 * }</pre>
 */
public interface LeaseStore {
    /**
     * Stores the value only if the key does not exist, atomically.
     *
     * @param key the key
     * @param value the value
     * @return true if this call created the key
     */
    boolean putIfAbsent(String key, String value);

    /**
     * All keys under a prefix with their values.
     *
     * @param prefix the key prefix
     * @return an immutable map of key to value
     */
    Map<String, String> list(String prefix);

    /**
     * The value of one key.
     *
     * @param key the key
     * @return the value, or empty if the key does not exist
     */
    Optional<String> get(String key);
}
