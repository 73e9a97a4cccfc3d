package io.github.cni4j.invoke;

import io.github.cni4j.internal.json.JsonValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-attachment parameters of an operation, libcni's {@code RuntimeConf}: container ID, netns path, interface
 * name, {@code CNI_ARGS} pairs, capability arguments and an optional cache directory.
 *
 * <p>{@code args} become {@code CNI_ARGS} in their order ({@code K1=V1;K2=V2}, nothing escaped, as libcni builds it).
 * {@code capabilityArgs} are plain JSON-able Java values (String, Number, Boolean, List, Map with String keys); each
 * plugin receives, in {@code runtimeConfig}, those whose capability it enables. The cache stores the whole map.
 *
 * <pre>{@code
 * RuntimeConf rt = RuntimeConf.builder()
 *         .containerId("ctr1")
 *         .netNs("/var/run/netns/ctr1")
 *         .ifName("eth0")
 *         .addArg("IgnoreUnknown", "1")
 *         .putCapabilityArg("portMappings",
 *                 List.of(Map.of("hostPort", 8080, "containerPort", 80, "protocol", "tcp")))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class RuntimeConf {

    private final String containerId;
    private final String netNs;
    private final String ifName;
    private final List<Map.Entry<String, String>> args;
    private final Map<String, Object> capabilityArgs;
    private final Path cacheDir;

    private RuntimeConf(Builder b) {
        this.containerId = b.containerId;
        this.netNs = b.netNs;
        this.ifName = b.ifName;
        this.args = List.copyOf(b.args);
        this.capabilityArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.capabilityArgs));
        this.cacheDir = b.cacheDir;
    }

    /**
     * Returns a new builder (all strings default to empty, no args, no capability args, no cache dir).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialized from this value.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().containerId(containerId).netNs(netNs).ifName(ifName);
        b.args.addAll(args);
        b.capabilityArgs.putAll(capabilityArgs);
        b.cacheDir = cacheDir;
        return b;
    }

    /**
     * The container ID ({@code CNI_CONTAINERID}).
     *
     * @return the container ID, possibly empty
     */
    public String containerId() {
        return containerId;
    }

    /**
     * The netns path ({@code CNI_NETNS}).
     *
     * @return the path, possibly empty
     */
    public String netNs() {
        return netNs;
    }

    /**
     * The interface name ({@code CNI_IFNAME}).
     *
     * @return the name, possibly empty
     */
    public String ifName() {
        return ifName;
    }

    /**
     * The {@code CNI_ARGS} pairs, in order.
     *
     * @return the unmodifiable pairs
     */
    public List<Map.Entry<String, String>> args() {
        return args;
    }

    /**
     * The capability arguments (deeply unmodifiable plain values).
     *
     * @return the map, empty if none
     */
    public Map<String, Object> capabilityArgs() {
        return capabilityArgs;
    }

    /**
     * The cache directory for this call, used when the invoker has none of its own (libcni's deprecated field).
     *
     * @return the directory, if set
     */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuntimeConf r && containerId.equals(r.containerId) && netNs.equals(r.netNs)
                && ifName.equals(r.ifName) && args.equals(r.args) && capabilityArgs.equals(r.capabilityArgs)
                && Objects.equals(cacheDir, r.cacheDir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(containerId, netNs, ifName, args, capabilityArgs, cacheDir);
    }

    @Override
    public String toString() {
        return "RuntimeConf{containerId=" + containerId + ", netNs=" + netNs + ", ifName=" + ifName + ", args="
                + args + ", capabilityArgs=" + capabilityArgs + (cacheDir == null ? "" : ", cacheDir=" + cacheDir)
                + "}";
    }

    /**
     * Builds a {@link RuntimeConf}. Not thread-safe.
     *
     * <pre>{@code
     * RuntimeConf rt = RuntimeConf.builder().containerId("c1").netNs("/var/run/netns/c1").ifName("eth0").build();
     * }</pre>
     */
    public static final class Builder {
        private String containerId = "";
        private String netNs = "";
        private String ifName = "";
        private final List<Map.Entry<String, String>> args = new ArrayList<>();
        private final Map<String, Object> capabilityArgs = new LinkedHashMap<>();
        private Path cacheDir;

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
         * Sets the netns path (default empty).
         *
         * @param netNs the path
         * @return this builder
         */
        public Builder netNs(String netNs) {
            this.netNs = Objects.requireNonNull(netNs, "netNs");
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
         * Appends a {@code CNI_ARGS} pair.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder addArg(String key, String value) {
            args.add(Map.entry(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Replaces all {@code CNI_ARGS} pairs (default none).
         *
         * @param pairs the pairs, in order
         * @return this builder
         */
        public Builder args(List<Map.Entry<String, String>> pairs) {
            args.clear();
            pairs.forEach(p -> addArg(p.getKey(), p.getValue()));
            return this;
        }

        /**
         * Sets one capability argument.
         *
         * @param capability the capability name, e.g. {@code portMappings}
         * @param value a JSON-able value (String, Number, Boolean, List, Map with String keys)
         * @return this builder
         * @throws IllegalArgumentException for a value JSON cannot hold
         */
        public Builder putCapabilityArg(String capability, Object value) {
            Objects.requireNonNull(capability, "capability");
            capabilityArgs.put(capability, JsonValues.freeze(value, "capabilityArgs." + capability));
            return this;
        }

        /**
         * Replaces all capability arguments (default none).
         *
         * @param values the arguments
         * @return this builder
         */
        public Builder capabilityArgs(Map<String, ?> values) {
            capabilityArgs.clear();
            values.forEach(this::putCapabilityArg);
            return this;
        }

        /**
         * Sets the per-call cache directory (default none: the invoker's, then {@code /var/lib/cni}).
         *
         * @param cacheDir the directory
         * @return this builder
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the runtime configuration
         */
        public RuntimeConf build() {
            return new RuntimeConf(this);
        }
    }
}
