/** The portable plugin executor and the plugin environment. */
package io.github.cni4j.internal.exec;
