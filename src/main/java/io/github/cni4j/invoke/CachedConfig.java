package io.github.cni4j.invoke;

import java.util.Objects;

/**
 * What {@link CniInvoker#cachedConfig} returns: the configuration bytes an attachment was added with and the
 * runtime configuration to repeat it (libcni's {@code GetNetworkListCachedConfig}).
 *
 * <pre>{@code
 * invoker.cachedConfig(list, rt).ifPresent(c -> System.out.println(new String(c.config(), UTF_8)));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the array is copied in and out).
 *
 * @param config the cached list bytes, verbatim
 * @param runtimeConf the caller's runtime conf with the cached {@code CNI_ARGS} (when there were any) and the cached
 *        capability arguments
 */
public record CachedConfig(byte[] config, RuntimeConf runtimeConf) {

    /**
     * Checks and copies the parts.
     *
     * @param config the bytes
     * @param runtimeConf the runtime conf
     */
    public CachedConfig {
        config = Objects.requireNonNull(config, "config").clone();
        Objects.requireNonNull(runtimeConf, "runtimeConf");
    }

    /**
     * Returns a copy of the configuration bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] config() {
        return config.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedConfig c && java.util.Arrays.equals(config, c.config)
                && runtimeConf.equals(c.runtimeConf);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(config) + runtimeConf.hashCode();
    }

    @Override
    public String toString() {
        return "CachedConfig{" + new String(config, java.nio.charset.StandardCharsets.UTF_8) + ", " + runtimeConf
                + "}";
    }
}
