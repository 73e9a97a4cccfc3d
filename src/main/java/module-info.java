/**
 * cni4j: the Container Network Interface (CNI) library for Java.
 *
 * <p>Start with {@code io.github.cni4j.Cni} for attaching containers to networks, or with
 * {@code io.github.cni4j.invoke.CniInvoker} for libcni-level control.
 */
module io.github.cni4j {
    requires com.fasterxml.jackson.databind;
    requires com.sun.jna;
    requires static org.immutables.value.annotations;
    requires static org.assertj.core;

    exports io.github.cni4j;
    exports io.github.cni4j.error;
    exports io.github.cni4j.config;
    exports io.github.cni4j.result;
    exports io.github.cni4j.version;
    exports io.github.cni4j.invoke;
    exports io.github.cni4j.cache;
    exports io.github.cni4j.netns;
    exports io.github.cni4j.lint;
    exports io.github.cni4j.plugins;

    opens io.github.cni4j.internal.jna to com.sun.jna;
}
