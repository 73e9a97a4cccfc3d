package io.github.cni4j.internal.config;

import io.github.cni4j.internal.gojson.DecodeError;

/**
 * A libcni rule was broken at a place in a config: a {@link DecodeError} whose pointer is relative to the object
 * being decoded. Callers add their prefix ({@link #under}) and resolve the pointer to a line and column.
 */
public final class FieldError extends DecodeError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an error.
     *
     * @param message the message
     * @param pointer the relative JSON pointer ({@code ""} = the decoded object itself)
     */
    public FieldError(String message, String pointer) {
        super(message, pointer);
    }

    /**
     * {@return this error seen from the enclosing value: the same message, the pointer behind {@code prefix}}
     * Decoders build a pointer only when an error leaves a member, so a clean decode builds none.
     *
     * @param prefix the pointer of the value this error's pointer is relative to
     */
    public FieldError under(String prefix) {
        return new FieldError(getMessage(), prefix + pointer());
    }
}
