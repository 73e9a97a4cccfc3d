package io.github.cni4j.plugins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The {@code type} (plugin binary name) of a declared plugin config class. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PluginType {

    /** @return the plugin binary name, e.g. {@code "portmap"} */
    String value();
}
