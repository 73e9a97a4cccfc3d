/**
 * CNI spec versions ({@link io.github.cni4j.version.CniVersion}) and a plugin's VERSION answer
 * ({@link io.github.cni4j.version.PluginInfo}); the spec's error object is {@link io.github.cni4j.error.CniException}.
 */
package io.github.cni4j.version;
