package io.github.cni4j.internal.facade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One attachment found in the result cache (libcni's NetworkAttachment).
 *
 * @param containerId the container
 * @param network the network name
 * @param ifName the interface name
 * @param config the network configuration bytes used for ADD (may be empty when unreadable)
 * @param netNs the netns path recorded at ADD, or {@code ""}
 * @param args the CNI_ARGS recorded at ADD
 * @param capabilityArgs the capability arguments recorded at ADD
 */
public record Cached(String containerId, String network, String ifName, byte[] config, String netNs,
                     List<String[]> args, ObjectNode capabilityArgs) {

    /** The runtime parameters this attachment was added with. */
    public Call toCall() {
        return new Call(containerId, netNs, ifName, args, capabilityArgs);
    }
}
