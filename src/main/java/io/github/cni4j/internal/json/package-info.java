/**
 * JSON internals: the shared, limited Jackson mapper ({@code JsonTrees}), Go-compatible encoding ({@code GoJson}),
 * strict reading with positioned errors ({@code JsonInput}, {@code JsonLocator}). Not exported.
 */
package io.github.cni4j.internal.json;
