package io.github.cni4j.internal.exec;

import io.github.cni4j.invoke.PluginExec;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gives cni4j's own executors the stdin array of an {@link PluginExec.Request} without the copy its public accessor makes
 * (the request copied it in already, and an executor only reads it). {@code PluginExec.Request} registers the reader when
 * it is initialised, so it is there for every request that exists.
 */
public final class RequestStdin {

    private static volatile Function<PluginExec.Request, byte[]> reader;

    private RequestStdin() {
    }

    /**
     * Registers the reader; called once by {@code PluginExec.Request}.
     *
     * @param r the reader
     */
    public static void register(Function<PluginExec.Request, byte[]> r) {
        reader = Objects.requireNonNull(r, "reader");
    }

    /**
     * The request's own stdin array, for reading only.
     *
     * @param request the request
     * @return its stdin
     */
    public static byte[] of(PluginExec.Request request) {
        return reader.apply(Objects.requireNonNull(request, "request"));
    }
}
