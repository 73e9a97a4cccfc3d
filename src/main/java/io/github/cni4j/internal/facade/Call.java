package io.github.cni4j.internal.facade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The runtime parameters of one operation on one network: libcni's RuntimeConf.
 *
 * @param containerId CNI_CONTAINERID
 * @param netNs CNI_NETNS, {@code ""} when unknown or gone (allowed for DEL)
 * @param ifName CNI_IFNAME
 * @param args CNI_ARGS pairs as {@code [key, value]}, in order
 * @param capabilityArgs the capability arguments (never null; the invoker filters them per plugin)
 */
public record Call(String containerId, String netNs, String ifName, List<String[]> args, ObjectNode capabilityArgs) {

    /** Checks and copies the parts. */
    public Call {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(netNs, "netNs");
        Objects.requireNonNull(ifName, "ifName");
        args = List.copyOf(args);
        capabilityArgs = capabilityArgs.deepCopy();
    }

    /** The same call with another netns path. */
    public Call withNetNs(String path) {
        return new Call(containerId, path, ifName, args, capabilityArgs);
    }
}
