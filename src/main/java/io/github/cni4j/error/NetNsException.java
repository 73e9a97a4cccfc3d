package io.github.cni4j.error;

import java.util.Optional;

/**
 * A network namespace operation failed in the kernel or C library.
 *
 * <p>Names the failing {@linkplain #syscall() call}, the {@linkplain #errno() errno} and its
 * {@linkplain #errnoName() symbolic name} ({@code EPERM}, {@code ENOENT}, ...), and the path concerned.
 *
 * <pre>{@code
 * try (NetNs ns = NetNs.create("c4j-demo")) {
 *     ns.run(() -> System.out.println("inside"));
 * } catch (NetNsException e) {
 *     if ("EPERM".equals(e.errnoName())) { System.err.println("run as root or with CAP_SYS_ADMIN"); }
 * }
 * }</pre>
 */
public final class NetNsException extends CniException {

    private static final long serialVersionUID = 1L;

    /** The failing call, or empty. */
    private final String syscall;
    /** The errno, or 0. */
    private final int errno;
    /** The symbolic errno name, or empty. */
    private final String errnoName;
    /** The path concerned, or null. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param msg the message
     * @param syscall the failing call ({@code setns}, {@code mount}, ...), or {@code ""}
     * @param errno the errno, or 0
     * @param errnoName the symbolic errno name, or {@code ""}
     * @param path the namespace path concerned, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public NetNsException(String msg, String syscall, int errno, String errnoName, String path, Throwable cause) {
        super(5, msg, null, cause);
        this.syscall = syscall == null ? "" : syscall;
        this.errno = errno;
        this.errnoName = errnoName == null ? "" : errnoName;
        this.path = path;
    }

    /** {@return the failing system or library call, or {@code ""}} */
    public String syscall() {
        return syscall;
    }

    /** {@return the errno, or 0 when the failure did not come from the C library} */
    public int errno() {
        return errno;
    }

    /** {@return the symbolic errno name such as {@code EPERM}, or {@code ""}} */
    public String errnoName() {
        return errnoName;
    }

    /** {@return the namespace path concerned, if any} */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
