package io.github.cni4j.internal.json;

/**
 * A JSON text could not be read, or a value in it has the wrong shape: an internal carrier of the message and the
 * place, which the caller turns into a {@code ConfigException} with its own prefix and source name.
 *
 * <p>Line and column are 1-based (the column counts characters, not bytes); 0 means unknown. The pointer is an
 * RFC 6901 JSON pointer relative to the document that was read.
 */
public final class JsonProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String pointer;
    private final boolean syntax;

    /**
     * Creates a problem.
     *
     * @param message what is wrong and what was expected
     * @param line the 1-based line, 0 when unknown
     * @param column the 1-based column, 0 when unknown
     * @param pointer the JSON pointer of the bad value, {@code null} when unknown
     * @param syntax true when the text is not JSON at all (decoding failure)
     */
    public JsonProblem(String message, int line, int column, String pointer, boolean syntax) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.pointer = pointer;
        this.syntax = syntax;
    }

    /** {@return the 1-based line, 0 when unknown} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column, 0 when unknown} */
    public int column() {
        return column;
    }

    /** {@return the JSON pointer, or {@code null}} */
    public String pointer() {
        return pointer;
    }

    /** {@return true when the text is not well-formed JSON} */
    public boolean syntax() {
        return syntax;
    }
}
