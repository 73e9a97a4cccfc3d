package io.github.cni4j.invoke;

import java.util.List;
import java.util.Objects;

/**
 * The arguments of GC: the attachments that are still valid. Everything else of the network is garbage.
 *
 * <pre>{@code
 * invoker.gc(list, GcArgs.of(List.of(new GcAttachment("ctr1", "eth0"))));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param validAttachments the attachments to keep
 */
public record GcArgs(List<GcAttachment> validAttachments) {

    /**
     * Checks and copies the list.
     *
     * @param validAttachments the attachments to keep
     */
    public GcArgs {
        validAttachments = List.copyOf(Objects.requireNonNull(validAttachments, "validAttachments"));
    }

    /**
     * GC arguments keeping the given attachments.
     *
     * @param validAttachments the attachments to keep
     * @return the arguments
     */
    public static GcArgs of(List<GcAttachment> validAttachments) {
        return new GcArgs(validAttachments);
    }
}
