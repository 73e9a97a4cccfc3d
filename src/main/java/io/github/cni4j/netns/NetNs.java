package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.jna.Sys;
import io.github.cni4j.internal.value.CniStyle;
import io.github.cni4j.result.IpPrefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.immutables.value.Value;

/**
 * An open Linux network namespace: create named ones like {@code ip netns add}, open any namespace file, and run
 * code inside.
 *
 * <pre>{@code
 * try (NetNs ns = NetNs.create("c4j-demo")) {            // visible to `ip netns list` as c4j-demo
 *     List<NetNs.Interface> links = ns.interfaces();      // lo, read inside the namespace
 *     int port = ns.call(() -> {                          // runs on this thread, inside the namespace
 *         try (ServerSocket s = new ServerSocket(0)) {    // sockets stay in the namespace they were made in
 *             return s.getLocalPort();
 *         }
 *     });
 *     ns.delete();                                        // unmount and remove /run/netns/c4j-demo
 * }
 * }</pre>
 *
 * <p><b>How code runs inside.</b> {@link #run} and {@link #call} switch the calling OS thread with
 * {@code setns(2)}, run the code and always switch back, also when it throws. A virtual thread is never switched
 * (its carrier would stay behind in the namespace); its work is handed to a new platform thread and the virtual
 * thread waits for it. Threads and processes started inside inherit the namespace, including JDK helper threads
 * created lazily there (the process reaper, the common {@code ForkJoinPool}), so start those before entering.
 * {@link java.net.NetworkInterface} gives a mixed view inside a namespace (IPv4 from a socket of the thread's
 * namespace, IPv6 and interfaces from {@code /proc/net}, which is the main thread's): use {@link #interfaces()}.
 *
 * <p><b>Native access.</b> The bindings use JNA. On JDK 22 and later JNA's {@code System.load} is a restricted
 * method: start the JVM with {@code --enable-native-access=com.sun.jna} (JNA on the module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path) to silence the warning or where it is denied.
 *
 * <p>Instances are thread-safe: one {@code NetNs} may be shared, and {@code run}/{@code call} may be used from
 * many threads at once. Creating and deleting named namespaces needs CAP_SYS_ADMIN (root).
 */
public final class NetNs implements AutoCloseable {

    private final Path path;
    private final String name;
    /** Readers are threads switching into the namespace; {@link #close()} waits for them to finish setns. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int fd;

    private NetNs(Path path, String name, int fd) {
        this.path = path;
        this.name = name;
        this.fd = fd;
    }

    /**
     * Creates a new network namespace pinned at {@code /run/netns/<name>}, exactly like {@code ip netns add}, so
     * {@code ip netns list}, {@code ip -n}, cnitool and Go tools see it. It lives until {@link #delete()}, also
     * after this handle is closed and after the JVM ends.
     *
     * @param name the namespace name: 1 to 255 bytes, no {@code /}, not {@code .} or {@code ..}
     * @return the open namespace
     * @throws IllegalArgumentException if the name is invalid (nothing on disk is touched)
     * @throws NetNsException if the name exists already, or without CAP_SYS_ADMIN, or a call fails
     */
    public static NetNs create(String name) {
        Objects.requireNonNull(name, "name");
        NamedNetNs.validateName(name);
        String file = NamedNetNs.create(name);
        // Just pinned there by us, so the statfs and namespace-type checks of open() are known to pass.
        return new NetNs(Path.of(file), name, Sys.openReadOnly(file, "cannot open network namespace \"" + file + "\""));
    }

    /**
     * Opens a network namespace file, such as {@code /run/netns/blue} or {@code /proc/<pid>/ns/net}.
     *
     * @param path the namespace file
     * @return the open namespace; {@link #name()} is set when the file is in {@code /run/netns}
     * @throws NetNsException if the path is missing ({@code failed to Statfs "<p>": ...}), is not a namespace file
     *     ({@code unknown FS magic on "<p>": <hex>}), or is a namespace of another kind
     */
    public static NetNs open(Path path) {
        Objects.requireNonNull(path, "path");
        int fd = NsFiles.openNetNs(path.toString());
        return new NetNs(path, NamedNetNs.nameOf(path), fd);
    }

    /**
     * Opens the calling thread's current network namespace; its {@link #path()} is
     * {@code /proc/<pid>/task/<tid>/ns/net}, as Go's {@code ns.GetCurrentNS}.
     *
     * @return the open namespace
     * @throws NetNsException if {@code /proc} cannot be read
     */
    public static NetNs current() {
        Path self = Path.of("/proc/thread-self");
        try {
            return open(Path.of("/proc").resolve(Files.readSymbolicLink(self)).resolve("ns/net"));
        } catch (IOException e) {
            throw new NetNsException("cannot read " + self + ": " + e, "readlink", 0, "", self.toString(), e);
        }
    }

    /**
     * Tells whether {@code path} is a network namespace file. Like Go's {@code ns.IsNSorErr} it accepts the nsfs
     * and procfs filesystems; on kernels that can tell (4.11+) it also rejects namespaces of other kinds.
     *
     * @param path the file to check
     * @return true for a network namespace file; false for other files and for missing paths
     * @throws NetNsException if the path cannot be examined (e.g. {@code EACCES})
     */
    public static boolean isNetNs(Path path) {
        return NsFiles.isNetNs(path.toString());
    }

    /** Lists the named network namespaces ({@code ip netns list}), sorted.
     * @return the names in {@code /run/netns}; empty when the directory does not exist
     * @throws NetNsException if the directory cannot be read */
    public static List<String> list() {
        return NamedNetNs.list();
    }

    /**
     * Deletes the named namespace {@code name} like {@code ip netns del}: lazily unmounts and removes its file.
     * Processes and open handles keep the namespace itself alive until they end.
     *
     * @param name the namespace name
     * @throws IllegalArgumentException if the name is invalid
     * @throws NetNsException if no such namespace exists ({@code ENOENT}) or a call fails
     */
    public static void delete(String name) {
        Objects.requireNonNull(name, "name");
        NamedNetNs.validateName(name);
        NamedNetNs.delete(name);
    }

    /** {@return the namespace file this handle was opened from} */
    public Path path() {
        return path;
    }

    /** {@return the name when this is a named namespace (its file is in {@code /run/netns}), or empty} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Runs {@code task} inside this namespace and returns the calling thread to its namespace afterwards.
     *
     * @param task the code to run
     * @throws NetNsException if entering fails; exceptions of the task and a failed switch back are handled as
     *     {@link #call} describes
     * @throws IllegalStateException if this handle is closed
     */
    public void run(Runnable task) {
        Objects.requireNonNull(task, "task");
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Calls {@code task} inside this namespace and returns its result; the calling thread always returns to its own
     * namespace, also when the task throws. Unchecked exceptions and errors of the task are rethrown unchanged; a
     * checked exception is wrapped in a {@link NetNsException} whose cause it is (an {@code InterruptedException}
     * also sets the interrupt flag again). If a platform thread cannot be switched back, an {@link Error} is thrown
     * and that thread refuses further {@code run}/{@code call}: let it end. Virtual threads run the task on a new
     * platform thread and wait for it.
     *
     * @param <T> the result type
     * @param task the code to run
     * @return the task's result
     * @throws NetNsException if entering fails or the task throws a checked exception
     * @throws IllegalStateException if this handle is closed
     */
    public <T> T call(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return NsSwitch.call(this, task);
    }

    /**
     * Lists the network interfaces inside this namespace with their addresses, read through a route netlink socket
     * opened inside (unlike {@link java.net.NetworkInterface}, which does not see per-thread namespaces).
     *
     * @return the interfaces ordered by index
     * @throws NetNsException if entering or the netlink dump fails
     */
    public List<Interface> interfaces() {
        return call(LinkDump::dump);
    }

    /** Switches the calling OS thread into this namespace; called by {@link NsSwitch} only. */
    void enter() {
        lock.readLock().lock();
        try {
            if (fd < 0) {
                throw new IllegalStateException("NetNs " + path + " is closed");
            }
            int errno = Sys.setnsErrno(fd);
            if (errno != 0) {
                throw Sys.failure("cannot enter network namespace " + path, "setns", errno, path.toString());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Deletes this named namespace like {@link #delete(String)}, then closes this handle (on success only).
     * @throws IllegalStateException if this is not a named namespace
     * @throws NetNsException if the namespace no longer exists or a call fails */
    public void delete() {
        if (name == null) {
            throw new IllegalStateException(path + " is not a named network namespace in " + NamedNetNs.RUN_DIR);
        }
        NamedNetNs.delete(name);
        close();
    }

    /** Releases the file descriptor; the namespace itself stays (see {@link #delete()}). Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (fd >= 0) {
                Sys.close(fd);
                fd = -1;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "NetNs[" + path + "]";
    }

    /**
     * A network interface as seen inside one network namespace, from {@link NetNs#interfaces()}.
     *
     * <pre>{@code
     * for (NetNs.Interface i : ns.interfaces()) {
     *     System.out.println(i.index() + ": " + i.name() + " " + i.mac().orElse("-") + " " + i.addresses());
     * }
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     */
    @Value.Immutable
    @CniStyle
    public abstract static class Interface {

        Interface() {
        }

        /** {@return the interface name, e.g. {@code eth0}} */
        public abstract String name();

        /** {@return the interface index, unique inside its namespace} */
        public abstract int index();

        /** {@return the link-layer address in lower-case colon form ({@code 0a:58:0a:f4:00:02}), or empty} */
        public abstract Optional<String> mac();

        /** {@return the MTU, or 0 when the kernel did not report one} */
        public abstract int mtu();

        /** {@return whether the interface is administratively up ({@code IFF_UP})} */
        public abstract boolean isUp();

        /** {@return whether this is a loopback interface ({@code IFF_LOOPBACK})} */
        public abstract boolean isLoopback();

        /** {@return the IPv4 and IPv6 addresses with their prefix lengths, in the kernel's order; possibly empty} */
        public abstract List<IpPrefix> addresses();

        static ImmutableInterface.Builder builder() {
            return ImmutableInterface.builder();
        }
    }
}
