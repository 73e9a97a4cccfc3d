package io.github.cni4j.internal.exec;

import io.github.cni4j.internal.jna.Spawn;
import io.github.cni4j.invoke.PluginExec;
import java.util.Locale;

/**
 * Picks the default executor: the native one where the platform supports it, else the portable one. The system
 * property {@value #PROPERTY} overrides: {@code native} (fails when unavailable), {@code portable}, or {@code auto}
 * (the default). Read at every call, so a test or benchmark may switch it. Thread-safe.
 */
public final class ExecSelection {

    /** The system property that forces an executor. */
    public static final String PROPERTY = "cni4j.exec";

    private ExecSelection() {
    }

    /**
     * The executor an invoker uses when none is given.
     *
     * @return the executor
     * @throws IllegalStateException when the property asks for {@code native} and it is unavailable, or has an
     *         unknown value
     */
    public static PluginExec defaultExec() {
        String choice = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "portable":
                return ProcessExec.INSTANCE;
            case "native":
                return nativeExec();
            case "auto":
            case "":
                return PosixSpawnExec.instance().<PluginExec>map(e -> e).orElse(ProcessExec.INSTANCE);
            default:
                throw new IllegalStateException(
                        "system property " + PROPERTY + " must be native, portable or auto, not \"" + choice + "\"");
        }
    }

    /**
     * The native executor.
     *
     * @return the executor
     * @throws IllegalStateException naming the reason when this platform cannot run it
     */
    public static PluginExec nativeExec() {
        return PosixSpawnExec.instance().orElseThrow(() -> new IllegalStateException(
                "the native plugin executor is unavailable: " + Spawn.unavailable().orElse("unknown reason")));
    }
}
