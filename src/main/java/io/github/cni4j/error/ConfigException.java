package io.github.cni4j.error;

import java.util.Optional;

/**
 * A configuration could not be parsed or is invalid.
 *
 * <p>Names the {@linkplain #source() source} (a file path or a caller-given name) and, where the input is text,
 * the 1-based {@linkplain #line() line} and {@linkplain #column() column} and the
 * {@linkplain #jsonPointer() JSON pointer} of the offending value. The code is
 * {@link CniException#INVALID_NETWORK_CONFIG} (7) unless the input could not be decoded at
 * all ({@link CniException#DECODING_FAILURE}, 6).
 *
 * <pre>{@code
 * try {
 *     NetworkConfigList.fromFile(path);
 * } catch (ConfigException e) {
 *     System.err.printf("%s:%d:%d: %s%n", e.source(), e.line().orElse(0), e.column().orElse(0), e.msg());
 * }
 * }</pre>
 */
public final class ConfigException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Serialized state behind {@link #source()}. */
    private final String source;
    /** Serialized state behind {@link #line()}. */
    private final int line;
    /** Serialized state behind {@link #column()}. */
    private final int column;
    /** Serialized state behind {@link #jsonPointer()}. */
    private final String jsonPointer;

    /**
     * Creates a configuration error.
     *
     * @param code the CNI error code (usually 7, or 6 for undecodable input)
     * @param msg what is wrong and what was expected
     * @param source the file or source name, or {@code null}
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param jsonPointer the JSON pointer of the bad value (RFC 6901), or {@code null}
     * @param cause the cause, or {@code null}
     */
    public ConfigException(int code, String msg, String source, int line, int column, String jsonPointer,
                           Throwable cause) {
        super(code, msg, unlessRepeated(msg, describe(source, line, column, jsonPointer)), cause);
        this.source = source == null ? "" : source;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.jsonPointer = jsonPointer;
    }

    /**
     * Creates a configuration error without a position.
     *
     * @param msg what is wrong and what was expected
     * @param source the file or source name, or {@code null}
     */
    public ConfigException(String msg, String source) {
        this(7, msg, source, 0, 0, null, null);
    }

    /**
     * The details, unless they are a path the message already names (libcni's messages often name the file or
     * dir): {@code no net configuration with name "x" in /etc/cni/net.d} is not followed by the dir again.
     */
    private static String unlessRepeated(String msg, String details) {
        boolean repeatedPath = msg != null && details.indexOf('/') >= 0 && msg.contains(details);
        return details.isEmpty() || repeatedPath ? null : details;
    }

    private static String describe(String source, int line, int column, String pointer) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (pointer != null) {
            sb.append(sb.length() > 0 ? " " : "").append("at ").append(pointer.isEmpty() ? "/" : pointer);
        }
        return sb.toString();
    }

    /** {@return the file path or source name the configuration came from; empty when unnamed} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line of the problem, if known} */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** {@return the 1-based column of the problem, if known} */
    public Optional<Integer> column() {
        return column > 0 ? Optional.of(column) : Optional.empty();
    }

    /** {@return the JSON pointer (RFC 6901) of the offending value, if known; {@code ""} is the document itself} */
    public Optional<String> jsonPointer() {
        return Optional.ofNullable(jsonPointer);
    }
}
