package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.CacheException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.config.CniNames;
import io.github.cni4j.internal.config.GoQuote;
import io.github.cni4j.invoke.RuntimeConf;
import java.util.Map;

/**
 * Checks a caller's attachment before any plugin runs or any file is touched: inputs libcni passes through unchecked
 * but that would corrupt a plugin's {@code CNI_ARGS}, reach outside the cache directory, or make the cache write
 * fail only after every plugin has done its work (leaking it).
 *
 * <p>Not applied to the DELs of GC, which replay what a cache entry (possibly Go-written) recorded: a stale entry
 * must always be removable.
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * Checks ADD, CHECK or DEL input.
     *
     * @param cache the cache of the call
     * @param net the network
     * @param rt the caller's attachment
     * @param add whether this is ADD (whose names libcni validates; cni4j then also bounds their joint length)
     * @throws ConfigException code 4 (7 for the network name) naming the bad value
     */
    static void check(ResultCache cache, Net net, RuntimeConf rt, boolean add) {
        for (Map.Entry<String, String> kv : rt.args()) {
            if (kv.getKey().isEmpty() || isBadArg(kv.getKey()) || isBadArg(kv.getValue())) {
                throw new ConfigException(4, "invalid CNI_ARGS pair " + GoQuote.quote(kv.getKey() + "=" + kv.getValue())
                        + ": keys must be non-empty, and keys and values must not contain '=', ';', NUL or line breaks",
                        "CNI_ARGS", 0, 0, null, null);
            }
        }
        noPathParts(7, "network name", net.name());
        noPathParts(4, "container ID", rt.containerId());
        noPathParts(4, "interface name", rt.ifName());
        if (add && CniNames.isValidNetworkName(net.name()) && CniNames.isValidContainerId(rt.containerId())
                && CniNames.isValidInterfaceName(rt.ifName())) {
            try {
                cache.file(net.name(), rt.containerId(), rt.ifName());
            } catch (CacheException e) {
                throw new ConfigException(4, e.getMessage(), "containerID", 0, 0, null, e);
            }
        }
    }

    private static boolean isBadArg(String s) {
        return s.indexOf('=') >= 0 || s.indexOf(';') >= 0 || s.indexOf('\0') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
    }

    private static void noPathParts(int code, String what, String value) {
        if (value.indexOf('/') >= 0 || value.indexOf('\0') >= 0) {
            throw new ConfigException(code, what + " " + GoQuote.quote(value)
                    + " contains a path separator or NUL", what, 0, 0, null, null);
        }
    }
}
