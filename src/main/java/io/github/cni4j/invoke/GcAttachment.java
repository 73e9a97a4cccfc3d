package io.github.cni4j.invoke;

import java.util.Objects;

/**
 * One attachment that is still in use, for {@link CniInvoker#gc(io.github.cni4j.config.NetworkConfigList, java.util.Collection)}: libcni's {@code GCAttachment}, sent to plugins as
 * {@code {"containerID":…,"ifname":…}}.
 *
 * <pre>{@code
 * GcAttachment keep = new GcAttachment("ctr1", "eth0");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param containerId the container ID
 * @param ifName the interface name
 */
public record GcAttachment(String containerId, String ifName) {

    /**
     * Checks the parts.
     *
     * @param containerId the container ID
     * @param ifName the interface name
     */
    public GcAttachment {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(ifName, "ifName");
    }
}
