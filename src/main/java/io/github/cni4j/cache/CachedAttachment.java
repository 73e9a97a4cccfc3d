package io.github.cni4j.cache;

import io.github.cni4j.internal.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the result cache: what an ADD left behind so that a later CHECK, DEL or GC (by cni4j or by a Go
 * runtime) can find it. libcni's {@code cachedInfo} / {@code NetworkAttachment}.
 *
 * <pre>{@code
 * for (CachedAttachment a : ResultCache.of(Path.of("/var/lib/cni")).attachments("ctr1")) {
 *     System.out.println(a.networkName() + " " + a.ifName() + " " + a.netNs());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (the config array is copied in and out); the builder is not thread-safe.
 */
public final class CachedAttachment {

    private final String containerId;
    private final String networkName;
    private final String ifName;
    private final byte[] config;
    private final String netNs;
    private final List<Map.Entry<String, String>> cniArgs;
    private final Map<String, Object> capabilityArgs;
    private final String resultJson;

    private CachedAttachment(Builder b) {
        this.containerId = b.containerId;
        this.networkName = b.networkName;
        this.ifName = b.ifName;
        this.config = b.config.clone();
        this.netNs = b.netNs;
        this.cniArgs = List.copyOf(b.cniArgs);
        this.capabilityArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.capabilityArgs));
        this.resultJson = b.resultJson;
    }

    /**
     * Returns a new builder (strings empty, no config bytes, no args, no result).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The container ID.
     *
     * @return the ID
     */
    public String containerId() {
        return containerId;
    }

    /**
     * The network (list) name.
     *
     * @return the name
     */
    public String networkName() {
        return networkName;
    }

    /**
     * The interface name.
     *
     * @return the name
     */
    public String ifName() {
        return ifName;
    }

    /**
     * The network configuration bytes the attachment was added with, verbatim.
     *
     * @return a copy of the bytes
     */
    public byte[] config() {
        return config.clone();
    }

    /**
     * The netns path (libcni ≥ 1.2 writes it; older entries have none).
     *
     * @return the path, empty when unknown
     */
    public String netNs() {
        return netNs;
    }

    /**
     * The {@code CNI_ARGS} pairs of the ADD.
     *
     * @return the pairs, in order
     */
    public List<Map.Entry<String, String>> cniArgs() {
        return cniArgs;
    }

    /**
     * The caller's whole capability-argument map of the ADD (plain JSON-able values).
     *
     * @return the map
     */
    public Map<String, Object> capabilityArgs() {
        return capabilityArgs;
    }

    /**
     * The final ADD result as JSON (keys sorted), if the entry has one.
     *
     * @return the JSON
     */
    public Optional<String> resultJson() {
        return Optional.ofNullable(resultJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedAttachment a && containerId.equals(a.containerId)
                && networkName.equals(a.networkName) && ifName.equals(a.ifName) && Arrays.equals(config, a.config)
                && netNs.equals(a.netNs) && cniArgs.equals(a.cniArgs) && capabilityArgs.equals(a.capabilityArgs)
                && Objects.equals(resultJson, a.resultJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(containerId, networkName, ifName, Arrays.hashCode(config), netNs, cniArgs,
                capabilityArgs, resultJson);
    }

    @Override
    public String toString() {
        return "CachedAttachment{" + networkName + "-" + containerId + "-" + ifName + ", netNs=" + netNs
                + ", cniArgs=" + cniArgs + ", capabilityArgs=" + capabilityArgs + ", config="
                + new String(config, StandardCharsets.UTF_8) + ", result=" + resultJson + "}";
    }

    /**
     * Builds a {@link CachedAttachment}. Not thread-safe.
     *
     * <pre>{@code
     * CachedAttachment a = CachedAttachment.builder().networkName("mynet").containerId("ctr1").ifName("eth0")
     *         .config(list.bytes()).resultJson(new String(result.toBytes(), UTF_8)).build();
     * }</pre>
     */
    public static final class Builder {
        private String containerId = "";
        private String networkName = "";
        private String ifName = "";
        private byte[] config = new byte[0];
        private String netNs = "";
        private List<Map.Entry<String, String>> cniArgs = List.of();
        private Map<String, Object> capabilityArgs = Map.of();
        private String resultJson;

        private Builder() {
        }

        /**
         * Sets the container ID (default empty).
         *
         * @param containerId the ID
         * @return this builder
         */
        public Builder containerId(String containerId) {
            this.containerId = Objects.requireNonNull(containerId, "containerId");
            return this;
        }

        /**
         * Sets the network name (default empty).
         *
         * @param networkName the name
         * @return this builder
         */
        public Builder networkName(String networkName) {
            this.networkName = Objects.requireNonNull(networkName, "networkName");
            return this;
        }

        /**
         * Sets the interface name (default empty).
         *
         * @param ifName the name
         * @return this builder
         */
        public Builder ifName(String ifName) {
            this.ifName = Objects.requireNonNull(ifName, "ifName");
            return this;
        }

        /**
         * Sets the configuration bytes (default none).
         *
         * @param config the bytes (copied)
         * @return this builder
         */
        public Builder config(byte[] config) {
            this.config = Objects.requireNonNull(config, "config").clone();
            return this;
        }

        /**
         * Sets the netns path (default empty: omitted from the file).
         *
         * @param netNs the path
         * @return this builder
         */
        public Builder netNs(String netNs) {
            this.netNs = Objects.requireNonNull(netNs, "netNs");
            return this;
        }

        /**
         * Sets the {@code CNI_ARGS} pairs (default none).
         *
         * @param cniArgs the pairs, in order
         * @return this builder
         */
        public Builder cniArgs(List<Map.Entry<String, String>> cniArgs) {
            this.cniArgs = List.copyOf(cniArgs);
            return this;
        }

        /**
         * Sets the capability arguments (default none).
         *
         * @param capabilityArgs plain JSON-able values (String, Number, Boolean, List, Map with String keys)
         * @return this builder
         * @throws IllegalArgumentException for values JSON cannot hold
         */
        public Builder capabilityArgs(Map<String, ?> capabilityArgs) {
            Map<String, Object> copy = new LinkedHashMap<>();
            capabilityArgs.forEach((k, v) -> copy.put(k, JsonValues.freeze(v, "capabilityArgs." + k)));
            this.capabilityArgs = copy;
            return this;
        }

        /**
         * Sets the result JSON (default none).
         *
         * @param resultJson a JSON object
         * @return this builder
         */
        public Builder resultJson(String resultJson) {
            this.resultJson = Objects.requireNonNull(resultJson, "resultJson");
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         */
        public CachedAttachment build() {
            return new CachedAttachment(this);
        }
    }
}
