/**
 * cni4j's fluent facade ({@code Cni}, {@code Sandbox}, {@code NetworkMode}) and the {@link io.github.cni4j.error.CniException}
 * hierarchy every other package raises.
 */
package io.github.cni4j;

import io.github.cni4j.error.CniException;
