/**
 * The result cache, in Go libcni's on-disk format: {@link io.github.cni4j.cache.ResultCache} and its entries,
 * {@link io.github.cni4j.cache.CachedAttachment}.
 *
 * <pre>{@code
 * ResultCache.of(Path.of("/var/lib/cni")).attachments().forEach(System.out::println);
 * }</pre>
 */
package io.github.cni4j.cache;
