package io.github.cni4j.error;

import java.util.Objects;
import java.util.Optional;

/**
 * Every error cni4j raises for bad data, failing plugins or the operating system: the CNI error triple of Go's
 * {@code types.Error}, a {@linkplain #code() code}, a {@linkplain #msg() message} and optional
 * {@linkplain #details() details}, with the spec's well-known codes as constants.
 *
 * <p>{@link #getMessage()} is {@code msg} or {@code msg + "; " + details}, as Go's {@code types.Error.Error()}
 * renders it. Subtypes add context: {@link ConfigException} (bad input), {@link PluginException} (a plugin that
 * failed, was not found or timed out) and {@link NetNsException} (the kernel). A plain {@code CniException} is an
 * incompatible version ({@link #INCOMPATIBLE_CNI_VERSION}), a result cache that cannot be read or written
 * ({@link #IO_FAILURE}) or an overlay failure ({@link #UNKNOWN}). Codes 0 to 99 are the spec's, 100 and above
 * plugin-specific.
 *
 * <p>Programming errors by the caller (a {@code null} argument, a negative timeout) are reported with the JDK's
 * {@code NullPointerException}, {@code IllegalArgumentException} and {@code IllegalStateException} instead.
 *
 * <pre>{@code
 * try {
 *     invoker.add(list, runtimeConf);
 * } catch (PluginException e) {
 *     if (e.code() == CniException.TRY_AGAIN_LATER) { retryLater(); }
 *     log.error("plugin {} failed with CNI code {}: {}", e.pluginType(), e.code(), e.msg());
 * } catch (CniException e) {
 *     log.error("CNI error {}: {}", e.code(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public sealed class CniException extends RuntimeException permits ConfigException, PluginException, NetNsException {

    private static final long serialVersionUID = 1L;

    /** 0: unknown; libcni's code for failures it cannot decode (not a spec code). */
    public static final int UNKNOWN = 0;
    /** 1: incompatible CNI version. */
    public static final int INCOMPATIBLE_CNI_VERSION = 1;
    /** 2: unsupported field in the network configuration (the message names key and value). */
    public static final int UNSUPPORTED_FIELD = 2;
    /** 3: container unknown or does not exist; the runtime need not clean up. */
    public static final int UNKNOWN_CONTAINER = 3;
    /** 4: invalid environment variables (the message names them). */
    public static final int INVALID_ENVIRONMENT_VARIABLES = 4;
    /** 5: I/O failure. */
    public static final int IO_FAILURE = 5;
    /** 6: failed to decode content (configuration, result, version answer). */
    public static final int DECODING_FAILURE = 6;
    /** 7: invalid network configuration. */
    public static final int INVALID_NETWORK_CONFIG = 7;
    /** 8: invalid network namespace (Go plugins refuse their own namespace unless overridden). */
    public static final int INVALID_NETNS = 8;
    /** 11: try again later; the condition is transient. */
    public static final int TRY_AGAIN_LATER = 11;
    /** 50: STATUS: the plugin cannot serve ADD requests. */
    public static final int PLUGIN_NOT_AVAILABLE = 50;
    /** 51: STATUS: the plugin cannot serve ADD requests and existing containers may have limited connectivity. */
    public static final int LIMITED_CONNECTIVITY = 51;
    /** 999: internal error (Go's plugin skeleton wraps other failures in it). */
    public static final int INTERNAL = 999;

    /** Serialized state behind {@link #code()}. */
    private final int code;
    /** Serialized state behind {@link #msg()}. */
    private final String msg;
    /** Serialized state behind {@link #details()}. */
    private final String details;

    /**
     * Creates an exception with a CNI code, a message and optional details.
     *
     * @param code the CNI error code, not negative
     * @param msg the message
     * @param details details, or {@code null}/empty for none
     * @param cause the underlying cause, or {@code null}
     * @throws IllegalArgumentException if the code is negative
     */
    public CniException(int code, String msg, String details, Throwable cause) {
        super(render(msg, details), cause);
        if (code < 0) {
            throw new IllegalArgumentException("code must not be negative: " + code);
        }
        this.code = code;
        this.msg = Objects.requireNonNull(msg, "msg");
        this.details = details == null ? "" : details;
    }

    /**
     * Creates an exception with a CNI code and a message.
     *
     * @param code the CNI error code, not negative
     * @param msg the message
     */
    public CniException(int code, String msg) {
        this(code, msg, null, null);
    }

    private static String render(String msg, String details) {
        return details == null || details.isEmpty() ? msg : msg + "; " + details;
    }

    /** {@return the CNI error code (0 unknown, 1 incompatible version, ..., 100 and above plugin-specific)} */
    public int code() {
        return code;
    }

    /** {@return the short message, without details} */
    public String msg() {
        return msg;
    }

    /** {@return the details, or empty} */
    public Optional<String> details() {
        return details.isEmpty() ? Optional.empty() : Optional.of(details);
    }
}
