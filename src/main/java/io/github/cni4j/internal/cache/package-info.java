/** Cache file codec, raw reads and the in-process attachment locks. */
package io.github.cni4j.internal.cache;
