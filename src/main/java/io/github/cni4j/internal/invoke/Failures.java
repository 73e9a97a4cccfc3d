package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.NetNsException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.config.GoQuote;
import java.util.List;

/**
 * Context added to a failure on its way up, for the invoker (libcni's error wrapping) and the facade (which network
 * failed, what the rollback did): the message grows, the subtype, code, details and typed fields stay, so
 * {@code catch (PluginException e)} and {@code e.code()} work as if the innermost code had thrown it.
 */
public final class Failures {

    private Failures() {
    }

    /** libcni's {@code pluginDescription}: {@code type="bridge"} plus {@code name="…"} when the object has one. */
    static String describe(PluginConfig plugin) {
        String out = "type=" + GoQuote.quote(plugin.type());
        return plugin.name().filter(n -> !n.isEmpty()).map(n -> out + " name=" + GoQuote.quote(n)).orElse(out);
    }

    /** libcni's wrapping: a prefix on plugin, config and cache failures; timeouts and the rest keep their message. */
    static CniException wrap(String prefix, CniException e) {
        if (CachedResults.isCacheFailure(e)) {
            return new CniException(CniException.IO_FAILURE, prefix + e.getMessage(), null, e);
        }
        boolean wrapped = e instanceof PluginException p ? p.kind() != PluginException.Kind.TIMED_OUT
                : e instanceof ConfigException;
        return wrapped ? augment(e, prefix, "") : e;
    }

    /** Returns a copy of {@code e} whose {@code msg()} is {@code prefix + e.msg() + suffix}.
     * @param e the original
     * @param prefix text before the original message
     * @param suffix text after it
     * @return the new exception, same subtype, {@code e} as cause */
    public static CniException augment(CniException e, String prefix, String suffix) {
        String msg = prefix + e.msg() + suffix;
        if (e instanceof PluginException p) {
            return p.withMsg(msg);
        } else if (e instanceof ConfigException c) {
            return new ConfigException(c.code(), msg, c.source(), c.line().orElse(0), c.column().orElse(0),
                    c.jsonPointer().orElse(null), e);
        } else if (e instanceof NetNsException n) {
            return new NetNsException(msg, n.syscall(), n.errno(), n.errnoName(), n.path().orElse(null), e);
        }
        return new CniException(e.code(), msg, e.details().orElse(null), e);
    }

    /** Names the plugin of a failure when the exception knows it: {@code plugin "bridge" of }. */
    public static String pluginOf(Throwable e) {
        String type = e instanceof PluginException p ? p.pluginType() : "";
        return type.isEmpty() ? "" : "plugin \"" + type + "\" of ";
    }

    /** Adds every failure but {@code e} itself as a suppressed exception of {@code e}. */
    public static <T extends Throwable> T withSuppressed(T e, List<? extends Throwable> suppressed) {
        for (Throwable s : suppressed) {
            if (s != e) {
                e.addSuppressed(s);
            }
        }
        return e;
    }

    /** The message of any throwable, its class name when it has none. */
    public static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
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
        return withSuppressed(joined, errors.subList(1, errors.size()));
    }
}
