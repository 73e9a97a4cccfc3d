package io.github.cni4j.version;

import io.github.cni4j.error.CniException;
import java.util.List;
import java.util.Objects;

/**
 * A CNI specification version such as {@code 1.0.0}, parsed and compared as libcni does.
 *
 * <p>{@link #parse(String)} follows Go's {@code version.ParseVersion}: the empty string means {@code 0.1.0},
 * missing parts are 0, more than three parts are refused, and each part is a decimal integer that may carry a sign
 * or leading zeros ({@code "01"} is 1).
 *
 * <pre>{@code
 * CniVersion v = CniVersion.parse("0.4.0");
 * if (v.isAtLeast(CniVersion.V0_4_0)) { invoker.check(list, rt); }
 * CniVersion newest = CniVersion.supported().get(CniVersion.supported().size() - 1);   // 1.1.0
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #of(int, int, int)} and {@link #parse(String)} return the
 * constants below for the spec versions; other instances are equal to them by value.
 *
 * @param major the major part
 * @param minor the minor part
 * @param micro the micro part
 */
public record CniVersion(int major, int minor, int micro) implements Comparable<CniVersion> {

    /** Spec 0.1.0 (also what an empty {@code cniVersion} means). */
    public static final CniVersion V0_1_0 = new CniVersion(0, 1, 0);
    /** Spec 0.2.0: adds VERSION. */
    public static final CniVersion V0_2_0 = new CniVersion(0, 2, 0);
    /** Spec 0.3.0: rich results and plugin chaining. */
    public static final CniVersion V0_3_0 = new CniVersion(0, 3, 0);
    /** Spec 0.3.1. */
    public static final CniVersion V0_3_1 = new CniVersion(0, 3, 1);
    /** Spec 0.4.0: adds CHECK and prevResult on DEL. */
    public static final CniVersion V0_4_0 = new CniVersion(0, 4, 0);
    /** Spec 1.0.0: drops {@code ips[].version}. */
    public static final CniVersion V1_0_0 = new CniVersion(1, 0, 0);
    /** Spec 1.1.0: adds GC, STATUS, {@code cniVersions} and new result fields. */
    public static final CniVersion V1_1_0 = new CniVersion(1, 1, 0);

    private static final List<CniVersion> SUPPORTED =
            List.of(V0_1_0, V0_2_0, V0_3_0, V0_3_1, V0_4_0, V1_0_0, V1_1_0);
    private static final List<String> SUPPORTED_TEXT =
            List.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

    /**
     * Parses a version string the way libcni does.
     *
     * @param text the version, e.g. {@code "0.4.0"}; {@code ""} means 0.1.0
     * @return the version
     * @throws CniException (code 1) if the text has more than three parts or a part is not an integer,
     *         with libcni's message ({@code invalid version "1.2.3.4": too many parts})
     */
    public static CniVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return V0_1_0;
        }
        int known = SUPPORTED_TEXT.indexOf(text);   // the spec's own spellings need no split
        if (known >= 0) {
            return SUPPORTED.get(known);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length >= 4) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION,
                    "invalid version \"" + text + "\": too many parts");
        }
        int major = part(parts, 0, "major");
        int minor = part(parts, 1, "minor");
        int micro = part(parts, 2, "micro");
        return of(major, minor, micro);
    }

    private static int part(String[] parts, int index, String label) {
        if (index >= parts.length) {
            return 0;
        }
        String p = parts[index];
        try {
            // Go's strconv.Atoi accepts an optional sign and leading zeros, nothing else.
            int start = p.startsWith("+") || p.startsWith("-") ? 1 : 0;
            if (p.length() == start || !p.chars().skip(start).allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException();
            }
            return Integer.parseInt(p.startsWith("+") ? p.substring(1) : p);
        } catch (NumberFormatException e) {
            throw new CniException(CniException.INCOMPATIBLE_CNI_VERSION,
                    "failed to convert " + label + " version part \"" + p
                    + "\": strconv.Atoi: parsing \"" + p + "\": invalid syntax");
        }
    }

    /**
     * Returns the version with the given parts.
     *
     * @param major the major part
     * @param minor the minor part
     * @param micro the micro part
     * @return the version (a shared constant for the spec versions)
     */
    public static CniVersion of(int major, int minor, int micro) {
        for (CniVersion v : SUPPORTED) {
            if (v.major == major && v.minor == minor && v.micro == micro) {
                return v;
            }
        }
        return new CniVersion(major, minor, micro);
    }

    /**
     * Returns every spec version cni4j supports, oldest first: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0.
     *
     * @return the supported versions
     */
    public static List<CniVersion> supported() {
        return SUPPORTED;
    }

    /**
     * Returns the newest version cni4j supports (1.1.0).
     *
     * @return the newest supported version
     */
    public static CniVersion current() {
        return V1_1_0;
    }

    /**
     * Tells whether this is one of the {@linkplain #supported() supported} versions.
     *
     * @return true when supported
     */
    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    /**
     * Tells whether this version is the same as or newer than {@code other}.
     *
     * @param other the version to compare with
     * @return true when {@code this >= other}
     */
    public boolean isAtLeast(CniVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(CniVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    /**
     * Returns the canonical {@code major.minor.micro} form.
     *
     * @return e.g. {@code "1.0.0"}
     */
    @Override
    public String toString() {
        // The spec versions' text goes into every stdin and result, so theirs is made once.
        int known = SUPPORTED.indexOf(this);
        return known >= 0 ? SUPPORTED_TEXT.get(known) : major + "." + minor + "." + micro;
    }
}
