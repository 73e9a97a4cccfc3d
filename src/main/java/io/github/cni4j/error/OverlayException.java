package io.github.cni4j.error;

/**
 * An overlay network operation failed (the {@code cni4j-overlay} module and {@code NetworkManager}'s overlay driver):
 * the cluster store is unreachable, a subnet range is exhausted, a VXLAN id or port is in use, an advertise address
 * is not on this host, a network was removed. The message says what was tried and why it failed, naming the
 * endpoints, range, id or device concerned. It lives here, beside the other errors, so that every cni4j failure is
 * one {@link CniException}.
 *
 * <pre>{@code
 * try {
 *     agent.start();
 * } catch (OverlayException e) {
 *     System.err.println(e.getMessage()); // e.g. etcd unreachable at http://10.0.0.5:2379: timed out after 5 s
 * }
 * }</pre>
 */
public final class OverlayException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * An overlay failure with its message.
     *
     * @param message what failed and why
     */
    public OverlayException(String message) {
        this(message, null);
    }

    /**
     * An overlay failure with its message and cause.
     *
     * @param message what failed and why
     * @param cause the underlying failure, or {@code null}
     */
    public OverlayException(String message, Throwable cause) {
        super(CODE_UNKNOWN, message, "", cause);
    }
}
