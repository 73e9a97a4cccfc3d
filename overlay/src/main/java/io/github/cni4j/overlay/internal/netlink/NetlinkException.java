package io.github.cni4j.overlay.internal.netlink;

/** A netlink call failed; {@link #errno()} lets callers ignore the answers they expect (e.g. ENOENT on delete). */
public final class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String kernelMessage;

    /**
     * A failure of {@code what} with the kernel's errno and its extended-ACK text (empty when none).
     *
     * @param what what was attempted
     * @param errno the errno
     * @param kernelMessage the kernel's explanation, or empty
     */
    public NetlinkException(String what, int errno, String kernelMessage) {
        super(what + ": " + Errno.describe(errno) + " (" + Errno.name(errno) + ")"
                + (kernelMessage.isEmpty() ? "" : ": " + kernelMessage));
        this.errno = errno;
        this.kernelMessage = kernelMessage;
    }

    /** The errno, positive. */
    public int errno() {
        return errno;
    }

    /** The extended-ACK message of the kernel, empty when it sent none. */
    public String kernelMessage() {
        return kernelMessage;
    }
}
