package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.config.GoQuote;
import java.util.List;

/** libcni's error wrapping: a prefix on the message, the type, code and details kept. */
final class Failures {

    private Failures() {
    }

    /** libcni's {@code pluginDescription}: {@code type="bridge"} plus {@code name="…"} when the object has one. */
    static String describe(PluginConfig plugin) {
        String out = "type=" + GoQuote.quote(plugin.type());
        return plugin.name().filter(n -> !n.isEmpty()).map(n -> out + " name=" + GoQuote.quote(n)).orElse(out);
    }

    /**
     * Prefixes a failure's message, keeping its type where that is possible (timeouts keep their own message).
     */
    static CniException wrap(String prefix, CniException e) {
        if (e instanceof PluginException p && p.kind() != PluginException.Kind.TIMED_OUT) {
            return p.withMsg(prefix + p.msg());
        }
        if (e instanceof ConfigException c) {
            return new ConfigException(c.code(), prefix + c.msg(), c.source(), c.line().orElse(0),
                    c.column().orElse(0), c.jsonPointer().orElse(null), c);
        }
        if (CachedResults.isCacheFailure(e)) {
            return new CniException(CniException.IO_FAILURE, prefix + e.getMessage(), null, e);
        }
        return e;
    }

    /** Joins several failures into one, as Go's {@code errors.Join} (messages separated by newlines). */
    static CniException join(List<CniException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (CniException e : errors) {
            sb.append(sb.length() == 0 ? "" : "\n").append(e.getMessage());
        }
        CniException first = errors.get(0);
        PluginException joined = new PluginException(first.code(), sb.toString(), null, "", "", "", -1, 0, "",
                first);
        errors.stream().skip(1).forEach(joined::addSuppressed);
        return joined;
    }
}
