/**
 * The linter's machinery: a tolerant JSON parser with positions, the reference plugin knowledge base and the rules.
 * Not exported.
 */
package io.github.cni4j.internal.lint;
