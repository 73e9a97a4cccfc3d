package io.github.cni4j.examples.cnitool;

/**
 * A failure the tool reports itself (bad {@code CNI_ARGS} or {@code CAP_ARGS}, a failed demo step): the message on
 * stderr and exit status 1, as Go's cnitool does for its own errors.
 */
final class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ToolException(String message) {
        super(message);
    }

    ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
