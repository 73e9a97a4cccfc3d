/** Atomic, crash-safe file writes. */
package io.github.cni4j.internal.fs;
