package io.github.cni4j.plugins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of one declared key of a declared plugin config, beyond the JSON type its accessor's return type gives.
 * An abstract accessor without this annotation is a key with no further rules.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Key {

    /** @return whether the value is an MTU (0 for the plugin default, or 68-65535) */
    boolean mtu() default false;

    /** @return whether the value is a Linux interface name */
    boolean ifName() default false;

    /** @return the allowed string values; empty means any */
    String[] oneOf() default {};

    /**
     * @return for an {@code Optional<String>} accessor, the JSON type of a value it holds as compact JSON text
     *     (arrays or objects cni4j does not model); {@code STRING} means a plain string
     */
    Fields.Kind json() default Fields.Kind.STRING;

    /** @return the smallest allowed number */
    long min() default Long.MIN_VALUE;

    /** @return the largest allowed number */
    long max() default Long.MAX_VALUE;

    /** @return the key's JSON Schema where the rules above do not say it all (nested objects); empty: derived */
    String schema() default "";
}
