package io.github.cni4j.testing;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.PluginException;
import org.assertj.core.api.Condition;

/** AssertJ conditions for the kinds of failure that have no subtype of their own. */
public final class FailureKinds {

    /** A result cache that cannot be read or written: a plain {@link CniException}, code 5. */
    public static final Condition<Throwable> CACHE = plain(CniException.IO_FAILURE, "a cache failure (code 5)");
    /** An incompatible or malformed version: a plain {@link CniException}, code 1. */
    public static final Condition<Throwable> INCOMPATIBLE_VERSION =
            plain(CniException.INCOMPATIBLE_CNI_VERSION, "an incompatible version (code 1)");
    /** A plugin that is not found. */
    public static final Condition<Throwable> PLUGIN_NOT_FOUND = plugin(PluginException.Kind.NOT_FOUND);
    /** A plugin that timed out. */
    public static final Condition<Throwable> PLUGIN_TIMEOUT = plugin(PluginException.Kind.TIMED_OUT);

    private FailureKinds() {
    }

    private static Condition<Throwable> plain(int code, String description) {
        return new Condition<>(t -> t != null && t.getClass() == CniException.class
                && ((CniException) t).code() == code, description);
    }

    private static Condition<Throwable> plugin(PluginException.Kind kind) {
        return new Condition<>(t -> t instanceof PluginException p && p.kind() == kind, "a plugin failure " + kind);
    }
}
