/**
 * JSON internals: the shared, limited Jackson mapper ({@code JsonTrees}), Go-compatible encoding ({@code GoJson}),
 * the one strict reader ({@code JsonInput.parse}) with positioned errors in cni4j's words ({@code JsonLocator}) or
 * Go's ({@code GoSyntax}, used by {@code gojson.GoErrors}). The linter's tolerant parser lives in
 * {@code internal.lint}. Not exported.
 */
package io.github.cni4j.internal.json;
