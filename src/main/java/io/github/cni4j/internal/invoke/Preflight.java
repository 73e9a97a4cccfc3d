package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.internal.config.GoQuote;
import io.github.cni4j.invoke.RuntimeConf;
import java.util.Map;

/**
 * What cni4j checks beyond libcni, in libcni's words wherever libcni has words for it.
 *
 * <p>libcni validates names only on ADD, per plugin after the lookup; {@link Flows} does the same with
 * {@link CniNames}. On CHECK and DEL libcni validates nothing, so an ID such as {@code ../x} would reach outside the
 * cache directory: cni4j refuses a name holding {@code /} or NUL there, up front, with the message and code libcni's
 * ADD validation gives for it. CNI_ARGS is passed as given, except what cannot be encoded.
 *
 * <p>Not applied to the DELs of GC, which replay what a cache entry (possibly Go-written) recorded: a stale entry
 * must always be removable.
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * Refuses CNI_ARGS pairs that cannot be encoded: NUL anywhere, {@code ;} in a key or value, {@code =} in a key.
     * Everything else (a value with {@code =}, an empty key) is passed as given, as libcni does.
     *
     * @param rt the caller's attachment
     * @throws ConfigException code 4 naming the pair
     */
    static void args(RuntimeConf rt) {
        for (Map.Entry<String, String> kv : rt.args()) {
            String k = kv.getKey();
            String v = kv.getValue();
            if (k.indexOf(';') >= 0 || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0 || v.indexOf(';') >= 0
                    || v.indexOf('\0') >= 0) {
                throw new ConfigException(4, "invalid CNI_ARGS pair " + GoQuote.quote(k + "=" + v)
                        + ": CNI_ARGS cannot carry NUL, ';' in a key or value, or '=' in a key",
                        "CNI_ARGS", 0, 0, null, null);
            }
        }
    }

    /**
     * CHECK and DEL: refuses a network name, container ID or interface name that holds {@code /} or NUL, with
     * libcni's ADD validation message and code for that name; nothing else is checked, as in libcni.
     *
     * @param net the network
     * @param rt the caller's attachment
     * @throws ConfigException code 7 for the network name, 4 otherwise
     */
    static void noEscape(Net net, RuntimeConf rt) {
        if (escapes(net.name())) {
            CniNames.validateNetworkName(net.name());
        }
        if (escapes(rt.containerId())) {
            CniNames.validateContainerId(rt.containerId());
        }
        if (escapes(rt.ifName())) {
            CniNames.validateInterfaceName(rt.ifName());
        }
    }

    /**
     * ADD, after libcni's validation of the first plugin passed: the cache file name must fit (255 bytes), or every
     * plugin would run and the cache write would fail only afterwards, leaking what they made.
     *
     * @param cache the cache of the call
     * @param net the network
     * @param rt the caller's attachment
     * @throws ConfigException code 4 when the name is too long
     */
    static void cacheNameFits(ResultCache cache, Net net, RuntimeConf rt) {
        try {
            cache.file(net.name(), rt.containerId(), rt.ifName());
        } catch (CniException e) {
            throw new ConfigException(4, e.getMessage(), null, 0, 0, null, e);
        }
    }

    private static boolean escapes(String s) {
        return s.indexOf('/') >= 0 || s.indexOf('\0') >= 0;
    }
}
