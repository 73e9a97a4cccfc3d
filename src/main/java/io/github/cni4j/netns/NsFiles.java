package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.jna.Errno;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Sys;

/** How {@link NetNs} tells a network namespace file from other files: filesystem magic, then NS_GET_NSTYPE. */
final class NsFiles {

    static final long NSFS_MAGIC = 0x6e736673L;
    static final long PROC_SUPER_MAGIC = 0x9fa0L;

    private NsFiles() {
    }

    /** Opens {@code p} for {@link NetNs#open(java.nio.file.Path)}, refusing what is not a network namespace file. */
    static int openNetNs(String p) {
        long magic = Sys.statfsMagic(p);
        if (magic < 0) {
            throw statfsFailure(p, (int) -magic);
        } else if (magic != NSFS_MAGIC && magic != PROC_SUPER_MAGIC) {
            throw new NetNsException("unknown FS magic on \"" + p + "\": " + Long.toHexString(magic), "statfs", 0,
                    "", p, null);
        }
        int fd = Sys.openReadOnly(p, "cannot open network namespace \"" + p + "\"");
        int type = Sys.nsType(fd);
        if (!isNetType(type)) {
            Sys.close(fd);
            throw new NetNsException("\"" + p + "\" is not a network namespace ("
                    + (type >= 0 ? "namespace type 0x" + Integer.toHexString(type) : "not a namespace file") + ")",
                    "ioctl", 0, "", p, null);
        }
        return fd;
    }

    /** The work of {@link NetNs#isNetNs(java.nio.file.Path)}: filesystem magic first, then the namespace type. */
    static boolean isNetNs(String p) {
        long magic = Sys.statfsMagic(p);
        if (magic == -Linux.ENOENT || magic == -20 /* ENOTDIR */) {
            return false;
        } else if (magic < 0) {
            throw statfsFailure(p, (int) -magic);
        } else if (magic != NSFS_MAGIC && magic != PROC_SUPER_MAGIC) {
            return false;
        }
        int fd = Sys.openReadOnly(p, "cannot open \"" + p + "\"");
        try {
            return isNetType(Sys.nsType(fd));
        } finally {
            Sys.close(fd);
        }
    }

    /**
     * Judges an NS_GET_NSTYPE answer. A failed ioctl means "not a namespace file" (e.g. {@code /proc/self/status},
     * which has the procfs magic) unless the kernel predates NS_GET_NSTYPE (before 4.11); then setns itself will
     * check the kind.
     */
    static boolean isNetType(int type) {
        if (type >= 0) {
            return type == Linux.CLONE_NEWNET;
        }
        return !KernelNsType.SUPPORTED;
    }

    /** Whether this kernel answers NS_GET_NSTYPE, probed once on the process's own network namespace. */
    private static final class KernelNsType {
        static final boolean SUPPORTED = probe();

        private static boolean probe() {
            int fd = Sys.openReadOnly("/proc/self/ns/net", "cannot open /proc/self/ns/net");
            try {
                return Sys.nsType(fd) >= 0;
            } finally {
                Sys.close(fd);
            }
        }
    }

    static NetNsException statfsFailure(String p, int errno) {
        return new NetNsException("failed to Statfs \"" + p + "\": " + Errno.describe(errno), "statfs", errno,
                Errno.name(errno), p, null);
    }
}
