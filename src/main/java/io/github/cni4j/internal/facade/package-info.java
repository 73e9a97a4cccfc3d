/**
 * The machinery behind the fluent {@code Cni} and {@code Sandbox} API: configuration snapshots, interface naming,
 * CNI_ARGS and capability encoding, the all-or-nothing attach flow and the tolerant detach flow. Not exported.
 */
package io.github.cni4j.internal.facade;
