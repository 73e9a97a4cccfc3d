/** The invoker's internals: operation flows, error mapping, value conversion. */
package io.github.cni4j.internal.invoke;
