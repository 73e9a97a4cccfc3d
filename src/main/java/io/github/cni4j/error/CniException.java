package io.github.cni4j.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error cni4j raises for bad data, failing plugins or the operating system.
 *
 * <p>Each exception carries the CNI error triple: a {@linkplain #code() code} (the spec's well-known codes,
 * see {@link io.github.cni4j.version.CniError}), a {@linkplain #msg() message} and optional
 * {@linkplain #details() details}. {@link #getMessage()} is {@code msg} or {@code msg + "; " + details},
 * exactly as Go's {@code types.Error.Error()} renders it.
 *
 * <p>Programming errors by the caller (a {@code null} argument, a negative timeout) are reported with the JDK's
 * {@code NullPointerException}, {@code IllegalArgumentException} and {@code IllegalStateException} instead.
 *
 * <pre>{@code
 * try {
 *     invoker.add(list, runtimeConf);
 * } catch (PluginException e) {
 *     log.error("plugin {} failed with CNI code {}: {}", e.pluginType(), e.code(), e.msg());
 * } catch (CniException e) {
 *     log.error("CNI error {}: {}", e.code(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public abstract sealed class CniException extends RuntimeException
        permits ConfigException, PluginException, PluginNotFoundException, PluginTimeoutException,
                IncompatibleVersionException, CacheException, NetNsException, OverlayException {

    private static final long serialVersionUID = 1L;

    /** The spec's "unknown" code that libcni uses for failures it cannot decode. */
    public static final int CODE_UNKNOWN = 0;

    /** Serialized state behind {@link #code()}. */
    private final int code;
    /** Serialized state behind {@link #msg()}. */
    private final String msg;
    /** Serialized state behind {@link #details()}. */
    private final String details;

    /**
     * Creates an exception with a CNI code, a message and optional details.
     *
     * @param code the CNI error code
     * @param msg the message, never {@code null}
     * @param details details, or {@code null}/empty for none
     * @param cause the underlying cause, or {@code null}
     */
    protected CniException(int code, String msg, String details, Throwable cause) {
        super(render(msg, details), cause);
        this.code = code;
        this.msg = Objects.requireNonNull(msg, "msg");
        this.details = details == null ? "" : details;
    }

    private static String render(String msg, String details) {
        return details == null || details.isEmpty() ? msg : msg + "; " + details;
    }

    /**
     * Returns the CNI error code (0 unknown, 1 incompatible version, ..., 100 and above plugin-specific).
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the short message, without details.
     *
     * @return the message
     */
    public String msg() {
        return msg;
    }

    /**
     * Returns the details, if any.
     *
     * @return the details, or empty
     */
    public Optional<String> details() {
        return details.isEmpty() ? Optional.empty() : Optional.of(details);
    }
}
