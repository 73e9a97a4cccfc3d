package io.github.cni4j.invoke;

import io.github.cni4j.internal.exec.PluginEnv;
import io.github.cni4j.internal.invoke.PluginRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link PluginExec} runs: one plugin binary, its stdin bytes, its complete environment and a deadline.
 *
 * <pre>{@code
 * ExecRequest req = new ExecRequest(Path.of("/usr/lib/cni/loopback"),
 *         "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8),
 *         Map.of("CNI_COMMAND", "VERSION"), Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the stdin array is copied in and out).
 *
 * @param plugin the absolute path of the binary
 * @param stdin the bytes written to the plugin's stdin, then closed
 * @param environment the whole environment of the child (nothing is inherited beyond it)
 * @param timeout how long the run may take before the plugin and its descendants are killed
 */
public record ExecRequest(Path plugin, byte[] stdin, Map<String, String> environment, Duration timeout) {

    /**
     * Checks and copies the parts.
     *
     * @param plugin the binary
     * @param stdin the stdin bytes
     * @param environment the environment
     * @param timeout a positive timeout
     */
    public ExecRequest {
        Objects.requireNonNull(plugin, "plugin");
        stdin = Objects.requireNonNull(stdin, "stdin").clone();
        // A plugin environment of the invoker is an immutable view already; copy only what callers pass.
        environment = Objects.requireNonNull(environment, "environment") instanceof PluginEnv.Env
                ? environment : Map.copyOf(environment);
        PluginRunner.checkTimeout(Objects.requireNonNull(timeout, "timeout"));
    }

    /** {@return a copy of the stdin bytes} */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
