/**
 * CNI results: {@link io.github.cni4j.result.Result} with its interfaces, IP addresses, routes and DNS settings,
 * parsed from and written to every spec version's JSON exactly as libcni does, and converted between versions.
 */
package io.github.cni4j.result;
