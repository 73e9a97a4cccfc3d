/**
 * Typed configs for the reference CNI plugins, a conflist builder, and Docker/nerdctl-style network management.
 *
 * <p>{@link io.github.cni4j.plugins.PluginSpec} and its subtypes model one plugin object each and serialize to the
 * JSON the plugin reads; {@link io.github.cni4j.plugins.ConfList} composes them into a
 * {@link io.github.cni4j.config.NetworkConfigList}; {@link io.github.cni4j.plugins.NetworkManager} creates, lists,
 * inspects and removes conflists in a conf dir like {@code nerdctl network}.
 */
package io.github.cni4j.plugins;
