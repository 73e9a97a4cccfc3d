package io.github.cni4j.error;

/**
 * A CNI version is malformed, unsupported, or a result cannot be converted to the requested version.
 *
 * <p>Code 1 ({@code ErrIncompatibleCNIVersion}); messages match libcni's, e.g.
 * {@code no converter for CNI result version 1.0.0 to 1.2.0} or
 * {@code configuration version "0.3.1" does not support the CHECK command}.
 *
 * <pre>{@code
 * try {
 *     result.convertTo(CniVersion.V0_2_0);
 * } catch (IncompatibleVersionException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class IncompatibleVersionException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param msg the message
     */
    public IncompatibleVersionException(String msg) {
        super(1, msg, null, null);
    }

    /**
     * Creates the exception with details and a cause.
     *
     * @param msg the message
     * @param details details, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public IncompatibleVersionException(String msg, String details, Throwable cause) {
        super(1, msg, details, cause);
    }
}
