/**
 * JNA bindings to the C library (direct mapping), with errno turned into {@code NetNsException}. Only the
 * {@code netns} and {@code internal.exec} packages use them.
 */
package io.github.cni4j.internal.jna;
