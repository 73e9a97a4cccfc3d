package io.github.cni4j.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of cni4j's public values.
 *
 * <p>Generated {@code ImmutableX} classes stay package-private; each public value exposes a nested
 * {@code X.Builder} that extends the generated builder, so users never see a generated name. {@code jdkOnly}
 * keeps Guava out; collections are copied into unmodifiable JDK collections.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        jdkOnly = true,
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = true),
        get = {"is*", "get*"},
        optionalAcceptNullable = false,
        allParameters = false)
public @interface CniStyle {
}
