package io.github.cni4j.internal.config;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonLocator;
import io.github.cni4j.internal.json.JsonProblem;

/**
 * Turns decode failures into {@link ConfigException}s that carry the source, line, column and JSON pointer. The
 * text is read again for the position only here, on the error path.
 */
public final class ConfigErrors {

    /** CNI code for input that is not JSON at all. */
    public static final int DECODING_FAILURE = 6;
    /** CNI code for JSON that breaks a config rule. */
    public static final int INVALID_NETWORK_CONFIG = 7;

    private ConfigErrors() {
    }

    /**
     * Reports a broken rule at a pointer of a text.
     *
     * @param text the JSON text the pointer refers to
     * @param source the file or source name, or {@code null}
     * @param pointer the absolute JSON pointer
     * @param message the full message (with libcni's prefix)
     * @return the exception to throw
     */
    public static ConfigException at(byte[] text, String source, String pointer, String message) {
        int[] pos = JsonLocator.position(text, pointer);
        return new ConfigException(INVALID_NETWORK_CONFIG, message, source, pos[0], pos[1], pointer, null);
    }

    /**
     * Reports a text that could not be read as JSON, or a value out of range.
     *
     * @param problem the problem
     * @param source the file or source name, or {@code null}
     * @param prefix libcni's prefix, e.g. {@code "error parsing configuration list: "}
     * @return the exception to throw
     */
    public static ConfigException decoding(JsonProblem problem, String source, String prefix) {
        return new ConfigException(DECODING_FAILURE, prefix + problem.getMessage(), source, problem.line(),
                problem.column(), problem.pointer(), null);
    }
}
