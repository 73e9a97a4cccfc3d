package io.github.cni4j.plugins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the declared plugin configs: {@code io.github.cni4j.internal.value.CniStyle} without the
 * generated {@code from(...)} builder methods, which would name the package-private base class in the public API
 * ({@code toBuilder()} refills a builder from the config's JSON instead), and with accessor names taken as they
 * are ({@code isGateway()} is the key {@code isGateway}, its setter {@code isGateway(boolean)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        jdkOnly = true,
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = false),
        from = "",
        get = {},
        optionalAcceptNullable = false,
        allParameters = false)
@interface PluginStyle {
}
