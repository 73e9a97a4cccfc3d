package io.github.cni4j.invoke;

import io.github.cni4j.internal.value.AttachmentArgs;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
@CniStyle
public abstract class RuntimeConf {

    RuntimeConf() {
    }

    /** {@return a new builder (all strings empty, no args, no capability args, no cache dir)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialized from this value} */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /**
     * The container ID ({@code CNI_CONTAINERID}).
     *
     * @return the container ID, possibly empty
     */
    @Value.Default
    public String containerId() {
        return "";
    }

    /**
     * The netns path ({@code CNI_NETNS}).
     *
     * @return the path, possibly empty
     */
    @Value.Default
    public String netNs() {
        return "";
    }

    /**
     * The interface name ({@code CNI_IFNAME}).
     *
     * @return the name, possibly empty
     */
    @Value.Default
    public String ifName() {
        return "";
    }

    /**
     * The {@code CNI_ARGS} pairs, in order.
     *
     * @return the unmodifiable pairs
     */
    public abstract List<Map.Entry<String, String>> args();

    /** {@return the capability arguments (deeply unmodifiable plain values), empty if none} */
    public abstract Map<String, Object> capabilityArgs();

    /**
     * {@return the cache directory of this call, if set, used when the invoker has none (libcni's deprecated field)}
     */
    public abstract Optional<Path> cacheDir();

    /** Copies mutable pairs and deep-freezes capability values, whichever builder method set them. */
    @Value.Check
    RuntimeConf normalize() {
        if (AttachmentArgs.areNormalized(args(), capabilityArgs())) {
            return this;
        }
        return builder().from(this).args(AttachmentArgs.plainPairs(args()))
                .capabilityArgs(AttachmentArgs.frozen(capabilityArgs())).build();
    }

    @Override
    public String toString() {
        return "RuntimeConf{containerId=" + containerId() + ", netNs=" + netNs() + ", ifName=" + ifName()
                + ", args=" + args() + ", capabilityArgs=" + capabilityArgs()
                + cacheDir().map(d -> ", cacheDir=" + d).orElse("") + "}";
    }

    /**
     * Builds a {@link RuntimeConf}. Not thread-safe.
     *
     * <pre>{@code
     * RuntimeConf rt = RuntimeConf.builder().containerId("c1").netNs("/var/run/netns/c1").ifName("eth0").build();
     * }</pre>
     */
    public static final class Builder extends ImmutableRuntimeConf.Builder {

        Builder() {
        }

        /**
         * Appends a {@code CNI_ARGS} pair.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder addArg(String key, String value) {
            return addArgs(Map.entry(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
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
            return putCapabilityArgs(capability, AttachmentArgs.freeze(capability, value));
        }
    }
}
