package io.github.cni4j.internal.result;

/**
 * A decoding failure with libcni's message and the JSON pointer of the value at fault; turned into a
 * {@code ConfigException} (with line and column) at the API boundary.
 */
final class DecodeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    DecodeError(String message, String pointer) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    String pointer() {
        return pointer;
    }
}
