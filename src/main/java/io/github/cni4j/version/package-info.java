/**
 * CNI spec versions ({@link io.github.cni4j.version.CniVersion}), a plugin's VERSION answer and the spec's error JSON.
 */
package io.github.cni4j.version;
