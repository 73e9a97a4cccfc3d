package io.github.cni4j.cache;

import io.github.cni4j.internal.value.AttachmentArgs;
import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
@CniStyle
public abstract class CachedAttachment {

    CachedAttachment() {
    }

    /** {@return a new builder (strings empty, no config bytes, no args, no result)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the container ID} */
    @Value.Default
    public String containerId() {
        return "";
    }

    /** {@return the network (list) name} */
    @Value.Default
    public String networkName() {
        return "";
    }

    /** {@return the interface name} */
    @Value.Default
    public String ifName() {
        return "";
    }

    /** {@return a copy of the network configuration bytes the attachment was added with, verbatim} */
    @Value.Default
    public byte[] config() {
        return new byte[0];
    }

    /** {@return the netns path, empty when unknown (libcni ≥ 1.2 writes it; older entries have none)} */
    @Value.Default
    public String netNs() {
        return "";
    }

    /**
     * The {@code CNI_ARGS} pairs of the ADD.
     *
     * @return the pairs, in order
     */
    public abstract List<Map.Entry<String, String>> cniArgs();

    /** {@return the caller's whole capability-argument map of the ADD (plain JSON-able values)} */
    public abstract Map<String, Object> capabilityArgs();

    /**
     * The final result of the ADD, in the version its plugin answered in. An entry read back whose {@code result} is
     * not a valid CNI result has none here (CHECK and DEL report such a result with libcni's message).
     *
     * @return the result, if the entry has one
     */
    public abstract Optional<Result> result();

    /**
     * Copies mutable pairs and deep-freezes capability values.
     *
     * @throws IllegalArgumentException for capability values JSON cannot hold
     */
    @Value.Check
    CachedAttachment normalize() {
        if (AttachmentArgs.areNormalized(cniArgs(), capabilityArgs())) {
            return this;
        }
        return builder().from(this).cniArgs(AttachmentArgs.plainPairs(cniArgs()))
                .capabilityArgs(AttachmentArgs.frozen(capabilityArgs())).build();
    }

    @Override
    public String toString() {
        return "CachedAttachment{" + networkName() + "-" + containerId() + "-" + ifName() + ", netNs=" + netNs()
                + ", cniArgs=" + cniArgs() + ", capabilityArgs=" + capabilityArgs() + ", config="
                + new String(config(), StandardCharsets.UTF_8) + ", result=" + result().orElse(null) + "}";
    }

    /**
     * Builds a {@link CachedAttachment}. Not thread-safe; capability values are checked and frozen by
     * {@link #build()}, which throws {@link IllegalArgumentException} for values JSON cannot hold.
     *
     * <pre>{@code
     * CachedAttachment a = CachedAttachment.builder().networkName("mynet").containerId("ctr1").ifName("eth0")
     *         .config(list.bytes()).result(result).build();
     * }</pre>
     */
    public static final class Builder extends ImmutableCachedAttachment.Builder {

        Builder() {
        }
    }
}
