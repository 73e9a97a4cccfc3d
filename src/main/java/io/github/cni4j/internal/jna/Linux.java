package io.github.cni4j.internal.jna;

/**
 * The Linux numbers cni4j passes to and reads back from the C library, in one place: the values shared by x86-64
 * and the asm-generic ABIs (arm64, riscv64); the native executor refuses other platforms
 * ({@link Spawn#unavailable()}). {@link Errno} names the errno values.
 */
public final class Linux {

    // errno values
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int ENOTTY = 25;
    public static final int ETXTBSY = 26;
    public static final int EPIPE = 32;
    public static final int ENOSYS = 38;

    // open(2), fcntl(2), pipe2(2)
    public static final int O_RDONLY = 0;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;

    // poll(2) events
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    // processes: kill(2), waitpid(2), posix_spawnattr_setflags(3), syscall(2)
    public static final int SIGKILL = 9;
    public static final int WNOHANG = 1;
    public static final short POSIX_SPAWN_SETPGROUP = 0x02;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** {@code pidfd_open}: the same number on x86-64 and the asm-generic table (Linux 5.3+). */
    public static final long SYS_PIDFD_OPEN = 434;

    // namespaces and mounts: setns(2), unshare(2), mount(2), umount2(2), ioctl_ns(2)
    public static final int CLONE_NEWNET = 0x40000000;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;
    /** {@code NS_GET_NSTYPE = _IO(0xb7, 0x3)}, Linux 4.11+. */
    public static final long NS_GET_NSTYPE = 0xb703;

    // netlink sockets: socket(2)
    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int NETLINK_ROUTE = 0;

    // rtnetlink messages (netlink(7), rtnetlink(7)): headers, types, flags, attributes, families
    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_GETADDR = 22;
    public static final short NLM_F_REQUEST_DUMP = 0x301;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFF_UP = 0x1;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int IFINFOMSG_LEN = 16;
    public static final int IFADDRMSG_LEN = 8;

    private Linux() {
    }
}
