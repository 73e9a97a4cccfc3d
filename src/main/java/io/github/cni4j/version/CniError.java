package io.github.cni4j.version;

import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.gojson.VersionCodec;
import java.nio.charset.StandardCharsets;
import io.github.cni4j.internal.value.CniStyle;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The CNI spec's error object, {@code {"code":7,"msg":"...","details":"..."}}, that a failing plugin prints, and
 * the spec's well-known error codes.
 *
 * <p>Codes 0 to 99 are reserved for the spec; 100 and above are plugin-specific.
 * {@link #toString()} renders as Go's {@code types.Error.Error()}: the message, or {@code msg; details}.
 *
 * <pre>{@code
 * CniError err = CniError.fromBytes(pluginStdout);
 * if (err.code() == CniError.TRY_AGAIN_LATER) {
 *     retryLater();
 * }
 * byte[] out = CniError.of(CniError.INVALID_NETWORK_CONFIG, "missing bridge name").toBytes();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class CniError {

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

    CniError() {
    }

    /**
     * Returns an error with a code and a message.
     *
     * @param code the code, not negative
     * @param msg the message
     * @return the error
     * @throws IllegalArgumentException if the code is negative
     */
    public static CniError of(int code, String msg) {
        return of(code, msg, "");
    }

    /**
     * Returns an error with a code, a message and details.
     *
     * @param code the code, not negative
     * @param msg the message
     * @param details the details; empty for none
     * @return the error
     * @throws IllegalArgumentException if the code is negative
     */
    public static CniError of(int code, String msg, String details) {
        return create(code, Objects.requireNonNull(msg, "msg"), Objects.requireNonNull(details, "details"));
    }

    /**
     * Decodes an error object as libcni does; unknown members (such as {@code cniVersion}) are ignored and a
     * non-error object gives code 0 with an empty message.
     *
     * @param json the bytes
     * @return the error
     * @throws io.github.cni4j.error.ConfigException (code 6) with Go's decoding message, e.g.
     *         {@code json: cannot unmarshal string into Go struct field Error.code of type uint}
     */
    public static CniError fromBytes(byte[] json) {
        VersionCodec.ErrorFields f = VersionCodec.decodeError(Objects.requireNonNull(json, "json"));
        return create(f.code(), f.msg(), f.details());
    }

    private static CniError create(int code, String msg, String details) {
        return ImmutableCniError.builder().code(code).msg(msg)
                .details(details.isEmpty() ? Optional.empty() : Optional.of(details)).build();
    }

    /**
     * Returns the error code.
     *
     * @return the code
     */
    public abstract int code();

    /**
     * Returns the message.
     *
     * @return the message
     */
    public abstract String msg();

    /**
     * Returns the details, if any.
     *
     * @return the details
     */
    public abstract Optional<String> details();

    @Value.Check
    void checkCode() {
        if (code() < 0) {
            throw new IllegalArgumentException("code must not be negative: " + code());
        }
    }

    /**
     * Encodes the error as Go does: {@code {"code":7,"msg":"...","details":"..."}}, details omitted when empty,
     * compact, no newline.
     *
     * @return the UTF-8 JSON
     */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(64).append("{\"code\":").append(code()).append(",\"msg\":");
        GoJson.appendString(sb, msg());
        details().ifPresent(d -> GoJson.appendString(sb.append(",\"details\":"), d));
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns {@code msg}, or {@code msg + "; " + details} when there are details.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return details().map(d -> msg() + "; " + d).orElse(msg());
    }
}
