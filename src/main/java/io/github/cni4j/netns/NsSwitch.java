package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.jna.Linux;
import io.github.cni4j.internal.jna.Sys;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Cleaner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code inside a network namespace on an OS thread and brings the thread back. setns(2) changes only the
 * calling OS thread, so virtual threads (which move between carrier threads) hand their work to a fresh platform
 * thread instead of ever switching a carrier.
 */
final class NsSwitch {

    /** The calling thread's own namespace file (Linux 3.17+); {@code /proc/self} would name the main thread's. */
    static final String THREAD_SELF_NET = "/proc/thread-self/ns/net";

    /** {@code Thread::isVirtual} on Java 21+, absent on 17: looked up once, without reflection on private members. */
    private static final MethodHandle IS_VIRTUAL = findIsVirtual();
    /** Platform threads that could not be switched back; they must not run anything in a namespace again. */
    private static final ThreadLocal<Boolean> STRANDED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicInteger HAND_OFFS = new AtomicInteger();
    private static final ThreadLocal<Home> HOME = new ThreadLocal<>();
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "cni4j-netns-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** A platform thread's home namespace fd and how deep it is in nested NetNs calls. */
    private static final class Home {
        final int fd;
        int depth;

        Home(int fd) {
            this.fd = fd;
        }
    }

    private NsSwitch() {
    }

    private static MethodHandle findIsVirtual() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.isVirtual failed", e);
        }
    }

    /** Runs {@code task} inside {@code ns}, on this thread if it is a platform thread, else on a fresh one. */
    static <T> T call(NetNs ns, Callable<T> task) {
        return isVirtual(Thread.currentThread()) ? handOff(ns, task) : callHere(ns, task);
    }

    private static <T> T callHere(NetNs ns, Callable<T> task) {
        if (STRANDED.get()) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " failed to return to its network namespace earlier and must not be used for NetNs.run/call");
        }
        Home home = home();
        int original = returnFd(home);
        home.depth++;
        try {
            ns.enter();
            T result = null;
            Throwable failure = null;
            try {
                result = task.call();
            } catch (Throwable t) {
                failure = t;
            }
            restore(original, ns, failure);
            if (failure != null) {
                throw rethrow(failure, ns);
            }
            return result;
        } finally {
            home.depth--;
            releaseReturnFd(home, original);
        }
    }

    /**
     * Creates a network namespace on the calling platform thread and pins it on {@code file}, then returns the
     * thread home, as Go's {@code ns.NewNS} does on a locked thread; no thread is started. Virtual threads (and
     * stranded platform threads) do it on a fresh platform thread that ends right after.
     */
    static void unshareAndPin(String file) {
        if (isVirtual(Thread.currentThread()) || STRANDED.get()) {
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread t = new Thread(() -> failure.set(unshareAndMount(file)), "cni4j-netns-create");
            t.setDaemon(true);
            startAndJoin(t, failure);
            return;
        }
        Home home = home();
        int original = returnFd(home);
        try {
            int errno = Sys.unshareNetErrno();
            if (errno != 0) {
                throw Sys.failure("cannot create a network namespace", "unshare", errno, file);
            }
            RuntimeException failure = pin(file);
            restore(original, file, failure);
            if (failure != null) {
                throw failure;
            }
        } finally {
            releaseReturnFd(home, original);
        }
    }

    /** unshare + bind mount on a thread that ends afterwards; returns the failure or null. */
    private static RuntimeException unshareAndMount(String file) {
        int errno = Sys.unshareNetErrno();
        return errno != 0 ? Sys.failure("cannot create a network namespace", "unshare", errno, file) : pin(file);
    }

    private static RuntimeException pin(String file) {
        int errno = Sys.mountErrno(THREAD_SELF_NET, file, "none", Linux.MS_BIND);
        return errno == 0 ? null
                : Sys.failure("cannot bind-mount the new network namespace onto " + file, "mount", errno, file);
    }

    /**
     * The fd of the namespace to return to. At depth 0 the thread is in its home namespace (cni4j moved it nowhere
     * else), so the fd opened once per thread serves; a nested call returns to the outer namespace, whose handle
     * the task may close, so it opens its own, released by {@link #releaseReturnFd}.
     */
    private static int returnFd(Home home) {
        return home.depth == 0 ? home.fd
                : Sys.openReadOnly(THREAD_SELF_NET, "cannot open the calling thread's network namespace");
    }

    private static void releaseReturnFd(Home home, int fd) {
        if (fd != home.fd) {
            Sys.close(fd);
        }
    }

    /**
     * The calling platform thread's home namespace, opened on its first switch. The fd is closed by a cleaner once
     * the thread has ended and its thread-locals are gone, so pools that replace threads do not leak descriptors.
     */
    private static Home home() {
        Home home = HOME.get();
        if (home == null) {
            int fd = Sys.openReadOnly(THREAD_SELF_NET, "cannot open the calling thread's network namespace");
            home = new Home(fd);
            CLEANER.register(home, () -> Sys.close(fd));
            HOME.set(home);
        }
        return home;
    }

    private static void restore(int original, NetNs ns, Throwable failure) {
        restore(original, ns.path().toString(), failure);
    }

    private static void restore(int original, String from, Throwable failure) {
        int errno = Sys.setnsErrno(original);
        if (errno == 0) {
            return;
        }
        STRANDED.set(Boolean.TRUE);
        HOME.remove();
        NetNsException cause = Sys.failure("cannot switch thread " + Thread.currentThread().getName()
                + " back from network namespace " + from, "setns", errno, from);
        StrandedThreadError error = new StrandedThreadError(cause);
        if (failure != null) {
            error.addSuppressed(failure);
        }
        throw error;
    }

    private static RuntimeException rethrow(Throwable failure, NetNs ns) {
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        } else if (failure instanceof Error) {
            throw (Error) failure;
        } else if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new NetNsException("code run in network namespace " + ns.path() + " threw " + failure, "", 0, "",
                ns.path().toString(), failure);
    }

    /** Runs the work on a new platform thread that ends afterwards, and waits; the caller's carrier never moves. */
    private static <T> T handOff(NetNs ns, Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Error> error = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                // The worker ends right after the task, so it never has to switch back.
                ns.enter();
                result.set(task.call());
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Error e) {
                error.set(e);
            } catch (Exception e) {
                failure.set(rethrow(e, ns));
            }
        }, "cni4j-netns-" + HAND_OFFS.incrementAndGet());
        worker.setDaemon(true);
        startAndJoin(worker, failure);
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    /**
     * Starts {@code t} and waits for it to end even when interrupted (the work must not outlive the call); the
     * interrupt is passed on to {@code t} and kept for the caller. Throws what {@code t} left in {@code failure}.
     */
    static void startAndJoin(Thread t, AtomicReference<RuntimeException> failure) {
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                t.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
