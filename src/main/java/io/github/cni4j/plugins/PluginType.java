package io.github.cni4j.plugins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The plugin a declared config class models, and the Immutables style of those classes.
 *
 * <p>The style is {@code io.github.cni4j.internal.value.CniStyle} without the generated {@code from(...)} builder
 * methods, which would name the package-private base class in the public API ({@code toBuilder()} refills a builder
 * from the config's JSON instead), without {@code with*} copies, and with accessor names taken as they are
 * ({@code isGateway()} is the key {@code isGateway}, its setter {@code isGateway(boolean)}); Immutables styles do
 * not combine, so it is a style of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Value.Style(
        // where it departs from CniStyle (the javadoc above says why)
        from = "",
        defaults = @Value.Immutable(copy = false),
        get = {},
        // as CniStyle; optionalAcceptNullable and allParameters keep their defaults (false), as there
        jdkOnly = true,
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true)
@interface PluginType {

    /** @return the plugin binary name, the {@code type} key, e.g. {@code "portmap"} */
    String value();

    /** @return whether the plugin is an IPAM plugin, the {@code ipam} object of an interface plugin */
    boolean ipam() default false;

    /** @return the capability names the plugin consumes from {@code runtimeConfig}, with its nested IPAM's */
    String[] capabilities() default {};
}
