/**
 * CNI network configurations: {@link io.github.cni4j.config.NetworkConfigList} ({@code .conflist}), its
 * {@link io.github.cni4j.config.PluginConfig} objects (also a whole single-plugin {@code .conf}) and the directory
 * loader {@link io.github.cni4j.config.ConfLoader}. The invoker checks container IDs, network names and interface
 * names with libcni's rules (same codes and messages) when it runs a plugin.
 *
 * <p>Parsing follows Go libcni byte for byte where it is observable (accepted input, error messages, the bytes a
 * plugin later receives) and adds what libcni lacks: every error is a
 * {@link io.github.cni4j.error.ConfigException} with the source, line, column and JSON pointer of the problem. Inputs are
 * limited to 16 MiB and 256 levels of nesting.
 *
 * <pre>{@code
 * NetworkConfigList list = ConfLoader.loadConfList(Path.of("/etc/cni/net.d"), "containerd-net");
 * for (PluginConfig p : list.plugins()) {
 *     System.out.println(p.type() + " " + p.capabilities());
 * }
 * }</pre>
 *
 * <p>All types are immutable (values) or stateless (loaders) and safe to use from many threads.
 */
package io.github.cni4j.config;
