package io.github.cni4j.internal.gojson;

/**
 * A decoding failure with libcni's message and the JSON pointer of the value at fault; turned into a
 * {@code ConfigException} (with line and column) at the API boundary.
 */
public final class DecodeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    public DecodeError(String message, String pointer) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
