package io.github.cni4j.internal.facade;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.NetNsException;
import io.github.cni4j.error.PluginException;
import java.util.List;

/**
 * Re-raises a {@link CniException} with a message that adds the facade's context (which network failed, what the
 * rollback did) while keeping its subtype, code, details and typed fields, so {@code catch (PluginException e)}
 * and {@code e.code()} work as if the invoker had thrown it directly. The original is the cause.
 */
public final class Failures {

    private Failures() {
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

    /** Names the plugin of a failure when the exception knows it: {@code plugin "bridge"}. */
    public static String pluginOf(Throwable e) {
        String type = e instanceof PluginException p ? p.pluginType() : "";
        return type.isEmpty() ? "" : "plugin \"" + type + "\" of ";
    }

    /** Adds every failure as a suppressed exception. */
    public static <T extends Throwable> T withSuppressed(T e, List<? extends Throwable> suppressed) {
        for (Throwable s : suppressed) {
            if (s != e) {
                e.addSuppressed(s);
            }
        }
        return e;
    }

    /** The message of any throwable, preferring the CNI rendering. */
    public static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
