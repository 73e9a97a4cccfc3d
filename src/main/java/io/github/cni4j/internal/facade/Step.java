package io.github.cni4j.internal.facade;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.RuntimeConf;

/** One network of a plan together with the runtime parameters it is added (and later deleted) with.
 * @param net the network
 * @param call the runtime parameters (container, netns, interface, args, capabilities) */
public record Step(NetworkConfigList net, RuntimeConf rt) {

    /** The network's name. */
    public String name() {
        return net.name();
    }

    /** The interface name. */
    public String ifName() {
        return rt.ifName();
    }

    /** A short description for messages: {@code network "net1" (eth0)}. */
    public String describe() {
        return "network \"" + net.name() + "\" (" + rt.ifName() + ")";
    }
}
