/**
 * The exceptions cni4j throws: one unchecked family rooted at {@link io.github.cni4j.error.CniException}, each
 * carrying the CNI error code, message and details.
 *
 * <p>This package sits below every other package of cni4j, so that the model, the invoker and the cache report
 * errors without depending on the fluent facade.
 */
package io.github.cni4j.error;
