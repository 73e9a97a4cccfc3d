/**
 * Plugin invocation with Go libcni's semantics: {@link io.github.cni4j.invoke.CniInvoker} (ADD, CHECK, DEL, GC,
 * STATUS, VERSION, validation and the result cache), {@link io.github.cni4j.invoke.RuntimeConf} and the executor
 * SPI ({@link io.github.cni4j.invoke.PluginExec}).
 *
 * <pre>{@code
 * CniInvoker invoker = CniInvoker.builder().pluginDirs(Path.of("/usr/lib/cni")).build();
 * }</pre>
 */
package io.github.cni4j.invoke;
