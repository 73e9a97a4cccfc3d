/**
 * Linux network namespaces: create named ones like {@code ip netns add}, open any namespace file, run code inside
 * and list the interfaces a namespace holds ({@link io.github.cni4j.netns.NetNs}).
 */
package io.github.cni4j.netns;
