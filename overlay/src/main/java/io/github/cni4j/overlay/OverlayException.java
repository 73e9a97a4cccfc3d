package io.github.cni4j.overlay;

/**
 * An overlay operation failed; the message says what was tried and why it failed.
 *
 * <pre>{@code
 * try {
 *     leaser.lease("web", "192.0.2.1");
 * } catch (OverlayException e) {
 *     System.err.println(e.getMessage()); // e.g. subnet range 10.200.0.0/30 exhausted: ...
 * }
 * }</pre>
 */
public final class OverlayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An overlay failure with its message.
     *
     * @param message what failed and why
     */
    public OverlayException(String message) {
        super(message);
    }
}
