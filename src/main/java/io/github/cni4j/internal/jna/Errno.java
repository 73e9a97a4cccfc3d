package io.github.cni4j.internal.jna;

import java.util.Locale;

/** Symbolic names and descriptions of the Linux errno values ({@link Linux} holds the numbers). */
public final class Errno {

    private static final String[] NAMES = {
        "", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
        "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR",
        "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS",
        "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP",
    };

    private Errno() {
    }

    /** Returns the symbolic name, such as {@code EPERM}, or {@code E<n>} for numbers outside the table.
     * @param errno the errno
     * @return the name */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length) {
            return NAMES[errno];
        }
        switch (errno) {
            case 75: return "EOVERFLOW";
            case 93: return "EPROTONOSUPPORT";
            case 95: return "EOPNOTSUPP";
            case 97: return "EAFNOSUPPORT";
            case 105: return "ENOBUFS";
            case 110: return "ETIMEDOUT";
            default: return "E" + errno;
        }
    }

    /**
     * Returns the C library's description in Go's style (first letter lower case), e.g.
     * {@code no such file or directory}.
     *
     * @param errno the errno
     * @return the description
     */
    public static String describe(int errno) {
        String text;
        try {
            text = Sys.strerror(errno);
        } catch (RuntimeException | LinkageError e) {
            text = null;
        }
        if (text == null || text.isEmpty()) {
            return "errno " + errno;
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
