package io.github.cni4j.internal.config;

import io.github.cni4j.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates container IDs, network names and interface names exactly as libcni does before ADD (REFERENCE B.10):
 * same rules, same CNI codes, same messages.
 *
 * <p>Container IDs and network names must match {@code ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$}. Interface names must be
 * 1 to 15 bytes (UTF-8), not {@code .} or {@code ..}, and free of {@code /}, {@code :}, whitespace and NUL. A failure is
 * a {@link ConfigException} whose {@code code()}, {@code msg()} and {@code details()} are libcni's; because these
 * values are not read from a file, the offending text (libcni's details) is also reported as the
 * {@link ConfigException#source() source}.
 *
 * <pre>{@code
 * CniNames.validateInterfaceName("eth0");              // fine
 * CniNames.isValidNetworkName("my net");                // false
 * CniNames.validateContainerId("");                     // ConfigException: code 3, "missing containerID"
 * }</pre>
 *
 * <p>This class has only static methods and is thread-safe.
 */
public final class CniNames {

    /** libcni's name rule; {@code \z} because Go's {@code $} never matches before a trailing newline. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.\\-]*\\z");
    private static final int MAX_INTERFACE_NAME_BYTES = 15;

    private CniNames() {
    }

    /**
     * Checks a container ID.
     *
     * @param containerId the ID
     * @throws ConfigException code 3 {@code missing containerID} when empty; code 4
     *         {@code invalid characters in containerID} (details: the ID) when it does not match
     */
    public static void validateContainerId(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        validateName(containerId, 3, "missing containerID", 4, "invalid characters in containerID");
    }

    /**
     * Checks a network name.
     *
     * @param networkName the name
     * @throws ConfigException code 7 {@code missing network name:} when empty; code 7
     *         {@code invalid characters found in network name} (details: the name) when it does not match
     */
    public static void validateNetworkName(String networkName) {
        Objects.requireNonNull(networkName, "networkName");
        validateName(networkName, 7, "missing network name:", 7, "invalid characters found in network name");
    }

    /** The one name rule of IDs and network names; libcni words each failure for the name it checks. */
    private static void validateName(String name, int missingCode, String missingMsg, int invalidCode,
                                     String invalidMsg) {
        if (name.isEmpty()) {
            throw error(missingCode, missingMsg, "");
        }
        if (!isValidName(name)) {
            throw error(invalidCode, invalidMsg, name);
        }
    }

    private static boolean isValidName(String name) {
        return !name.isEmpty() && NAME.matcher(name).matches();
    }

    /**
     * Checks an interface name.
     *
     * @param ifName the name
     * @throws ConfigException code 4 with {@code interface name is empty}, {@code interface name is too long}
     *         (details {@code interface name should be less than 16 characters}), {@code interface name is . or ..}
     *         or {@code interface name contains / or : or whitespace characters}; cni4j also refuses NUL
     *         ({@code interface name contains a NUL character}), which libcni lets through, and a lone UTF-16
     *         surrogate ({@code interface name contains a lone UTF-16 surrogate}), which has no UTF-8 form
     */
    public static void validateInterfaceName(String ifName) {
        Objects.requireNonNull(ifName, "ifName");
        if (ifName.isEmpty()) {
            throw error(4, "interface name is empty", "");
        }
        if (ifName.getBytes(StandardCharsets.UTF_8).length > MAX_INTERFACE_NAME_BYTES) {
            throw error(4, "interface name is too long",
                    "interface name should be less than " + (MAX_INTERFACE_NAME_BYTES + 1) + " characters");
        }
        if (ifName.equals(".") || ifName.equals("..")) {
            throw error(4, "interface name is . or ..", "");
        }
        if (ifName.codePoints().anyMatch(c -> c == '/' || c == ':' || isGoSpace(c))) {
            throw error(4, "interface name contains / or : or whitespace characters", "");
        }
        // libcni lets NUL through; the kernel would cut the name there and no file path may contain it.
        if (ifName.indexOf('\0') >= 0) {
            throw error(4, "interface name contains a NUL character", "");
        }
        // A lone UTF-16 surrogate has no UTF-8 form: it could name neither a kernel interface nor a cache file.
        if (hasLoneSurrogate(ifName)) {
            throw error(4, "interface name contains a lone UTF-16 surrogate", "");
        }
    }

    /**
     * Tells whether {@code s} has a surrogate char that is not half of a pair: such a string has no UTF-8 form, so
     * it can name no file (plugin binary, cache entry) and no kernel interface.
     *
     * @param s the string
     * @return whether a lone surrogate is in it
     */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether {@link #validateContainerId(String)} would accept the ID.
     *
     * @param containerId the ID
     * @return true when valid
     */
    public static boolean isValidContainerId(String containerId) {
        return isValidName(containerId);
    }

    /**
     * Tells whether {@link #validateNetworkName(String)} would accept the name.
     *
     * @param networkName the name
     * @return true when valid
     */
    public static boolean isValidNetworkName(String networkName) {
        return isValidName(networkName);
    }

    /**
     * Tells whether {@link #validateInterfaceName(String)} would accept the name.
     *
     * @param ifName the name
     * @return true when valid
     */
    public static boolean isValidInterfaceName(String ifName) {
        try {
            validateInterfaceName(ifName);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Go's unicode.IsSpace: ASCII white space, U+0085, U+00A0 and the Unicode space separators. */
    private static boolean isGoSpace(int c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85
                || c == 0xA0 || Character.isSpaceChar(c);
    }

    private static ConfigException error(int code, String msg, String details) {
        return new ConfigException(code, msg, details, 0, 0, null, null);
    }
}
