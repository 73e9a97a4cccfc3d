/**
 * Config internals shared by cni4j's packages: libcni's decoding rules ({@code ListFields}, {@code PluginFields}),
 * positioned errors ({@code ConfigErrors}), access to parsed trees ({@code ConfigAccess}) and the exact stdin bytes
 * of a plugin call ({@code StdinBytes}). Not exported.
 */
package io.github.cni4j.internal.config;
