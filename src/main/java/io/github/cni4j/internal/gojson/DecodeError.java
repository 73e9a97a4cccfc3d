package io.github.cni4j.internal.gojson;

/**
 * A decoding failure with libcni's message and the JSON pointer of the value at fault; turned into a
 * {@code ConfigException} (with line and column) at the API boundary.
 */
public class DecodeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    /**
     * Creates an error.
     *
     * @param message the message
     * @param pointer the JSON pointer of the value at fault ({@code ""} = the decoded value itself)
     */
    public DecodeError(String message, String pointer) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    /** @return the JSON pointer */
    public String pointer() {
        return pointer;
    }
}
