package io.github.cni4j.internal.cache;

import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.config.CniNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks of cache operations: per network a read-write lock (ADD/CHECK/DEL share it, GC takes it exclusively),
 * in-process and as an advisory file lock under {@code <cacheDir>/locks/}; per attachment an in-process exclusive
 * lock. A lock file that cannot be used (read-only or odd cache dir) is logged and skipped: it is advisory, and DEL
 * must not fail because of it.
 *
 * <p>Thread-safe.
 */
public final class CacheLocks {

    private static final KeyedLocks IN_PROCESS = new KeyedLocks();
    private static final NetworkFileLocks FILES = new NetworkFileLocks();

    /** Looked up on first use: picking the logging backend reads every jar of the class path (start-up time). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.github.cni4j.cache");
    }

    private CacheLocks() {
    }

    /** Locks a network of {@code cacheDir}: exclusively for GC, shared otherwise; returns the held lock. */
    public static KeyedLocks.Held network(Path cacheDir, String network, boolean exclusive) {
        Names names = names(cacheDir, network);
        KeyedLocks.Held mem = IN_PROCESS.lock(names.key, exclusive);
        KeyedLocks.Held file;
        try {
            file = FILES.lock(names.lockFile, exclusive);
        } catch (CniException e) {
            Log.LOG.log(System.Logger.Level.WARNING, "advisory lock skipped: " + e.getMessage());
            file = () -> { };
        } catch (RuntimeException | Error e) {
            mem.close();
            throw e;
        }
        KeyedLocks.Held f = file;
        return () -> {
            f.close();
            mem.close();
        };
    }

    /** Locks one attachment exclusively, and its network shared; returns the held lock. */
    public static KeyedLocks.Held attachment(Path cacheDir, String network, String containerId, String ifName) {
        KeyedLocks.Held net = network(cacheDir, network, false);
        try {
            KeyedLocks.Held one = IN_PROCESS.lock(names(cacheDir, network).key + "\0" + containerId + "\0" + ifName,
                    true);
            return () -> {
                one.close();
                net.close();
            };
        } catch (RuntimeException | Error e) {
            net.close();
            throw e;
        }
    }

    /** The in-process key and the lock file of a network, computed once per (cache dir, network). */
    private record Names(String key, Path lockFile) {
    }

    private static final ConcurrentHashMap<Path, ConcurrentHashMap<String, Names>> NAMES = new ConcurrentHashMap<>();

    private static Names names(Path cacheDir, String network) {
        if (NAMES.size() > 64) {
            NAMES.clear();   // a bound for callers with ever new cache dirs; rebuilt on demand
        }
        ConcurrentHashMap<String, Names> byNet = NAMES.computeIfAbsent(cacheDir, d -> new ConcurrentHashMap<>());
        if (byNet.size() > 1024) {
            byNet.clear();
        }
        return byNet.computeIfAbsent(network, n -> {
            Path dir = cacheDir.toAbsolutePath().normalize();
            return new Names(dir + "\0" + n, dir.resolve("locks").resolve(fileName(n)));
        });
    }

    /** The network's own name when it is a safe, short file name; a digest otherwise. */
    static String fileName(String network) {
        if (CniNames.isValidNetworkName(network) && network.length() <= 200) {
            return network + ".lock";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(network.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(d) + ".lock";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
