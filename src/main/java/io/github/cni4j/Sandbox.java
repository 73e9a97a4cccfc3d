package io.github.cni4j;

import io.github.cni4j.internal.config.CniNames;
import io.github.cni4j.error.CniException;
import io.github.cni4j.error.NetNsException;
import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.Planner;
import io.github.cni4j.internal.facade.Step;
import io.github.cni4j.internal.invoke.Failures;
import io.github.cni4j.netns.NetNs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A container's network stack (Docker's "sandbox"): a namespace with its attachments, made by
 * {@link Cni#sandbox(String, NetworkMode)}. Closing it removes exactly what it made, nothing it only joined.
 *
 * <pre>{@code
 * Cni cni = Cni.builder().pluginDirs(Path.of("/usr/lib/cni")).confDir(Path.of("/etc/cni/net.d")).build();
 * try (Sandbox web = cni.sandbox("web-1", NetworkMode.bridge(),
 *                                r -> r.portMapping(PortMapping.tcp(8080, 80)))) {
 *     InetAddress ip = web.attachment().interfaces().get("eth0").ips().get(0).address().address();
 *     web.run(() -> server.start());                // binds inside the sandbox's namespace
 *     Attachment extra = web.connect("backend");    // docker network connect: eth1
 *     web.disconnect("backend");                    // docker network disconnect
 * }                                                 // detached, namespace removed
 * }</pre>
 *
 * <p>Thread-safe: {@code run}/{@code call} may be used from many threads at once; {@code connect},
 * {@code disconnect} and {@code close} are serialised. {@link #close()} is idempotent.
 */
public final class Sandbox implements AutoCloseable {

    private final Engine engine;
    private final String containerId;
    private final NetworkMode mode;
    private final NetNs netNs;
    private final boolean onHost;
    private final boolean ownsNetNs;
    private volatile Attachment attachment;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Step> owned;
    private volatile boolean closed;
    private boolean netNsDeleted;

    private Sandbox(Engine engine, String containerId, NetworkMode mode, NetNs netNs, boolean onHost,
                    boolean ownsNetNs, Attachment attachment, List<Step> owned) {
        this.engine = engine;
        this.containerId = containerId;
        this.mode = mode;
        this.netNs = netNs;
        this.onHost = onHost;
        this.ownsNetNs = ownsNetNs;
        this.attachment = attachment;
        this.owned = new ArrayList<>(owned);
    }

    /** The container ID is checked first, as an attach would, so a bad one is a ConfigException in every mode. */
    static Sandbox create(Engine engine, String id, NetworkMode mode, Consumer<AttachRequest> options) {
        CniNames.validateContainerId(id);
        if (mode.kind() != NetworkMode.Kind.HOST && mode.kind() != NetworkMode.Kind.CONTAINER) {
            return owned(engine, id, mode, options);
        }
        Optional<Sandbox> other = mode.sandbox();
        if (mode.kind() == NetworkMode.Kind.HOST || other.isPresent() && other.get().netNsPath().isEmpty()) {
            // Host mode; joining a host-mode sandbox means joining the host too.
            Attachment a = other.map(Sandbox::attachment).orElseGet(() -> Attachment.empty(id, Path.of("")));
            return new Sandbox(engine, id, mode, hostNetNs(), true, false, a, List.of());
        }
        Path path = other.isPresent() ? other.get().netNsPath().orElseThrow() : mode.netNsPath().orElseThrow();
        Attachment shared = other.map(Sandbox::attachment).orElseGet(() -> Attachment.empty(id, path));
        return new Sandbox(engine, id, mode, NetNs.open(path), false, false, shared, List.of());
    }

    private static Sandbox owned(Engine engine, String id, NetworkMode mode, Consumer<AttachRequest> options) {
        NetNs ns = NetNs.create(id);
        try {
            Planner.Target target = mode.kind() == NetworkMode.Kind.NONE ? Planner.Target.LOOPBACK_ONLY
                    : mode.kind() == NetworkMode.Kind.BRIDGE ? Planner.Target.DEFAULTS : Planner.Target.NETWORKS;
            List<Step> steps = new ArrayList<>();
            AttachRequest request = new AttachRequest(engine, target, mode.networks(), id, ns.path(),
                    added -> added.forEach(a -> steps.add(a.step())));
            options.accept(request);
            Attachment a = request.execute();
            return new Sandbox(engine, id, mode, ns, false, true, a, steps);
        } catch (RuntimeException | Error e) {
            try {
                ns.delete();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                ns.close();
            }
            throw e;
        }
    }

    private static NetNs hostNetNs() {
        return NetNs.open(Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "ns", "net"));
    }

    /**
     * Returns the container ID the sandbox was made for.
     * @return the ID
     */
    public String containerId() {
        return containerId;
    }

    /**
     * Returns the network mode.
     * @return the mode
     */
    public NetworkMode mode() {
        return mode;
    }

    /**
     * Returns the path of the sandbox's namespace ({@code /run/netns/<containerId>}, or the joined one); empty in
     * host mode.
     * @return the path
     */
    public Optional<Path> netNsPath() {
        return onHost ? Optional.empty() : Optional.of(netNs.path());
    }

    /**
     * Returns what the sandbox is attached with now: its first attachment plus {@link #connect}ed networks, less
     * {@link #disconnect}ed ones. Empty in host mode; for {@code container(sandbox)} the other sandbox's at creation.
     * @return the attachment
     * @throws IllegalStateException if the sandbox is closed
     */
    public Attachment attachment() {
        requireOpen();
        return attachment;
    }

    /**
     * Runs code inside the sandbox's network namespace (in host mode, in the host's).
     * @param task the code
     * @throws NetNsException if the namespace cannot be entered
     * @throws IllegalStateException if the sandbox is closed
     */
    public void run(Runnable task) {
        requireOpen();
        netNs.run(Objects.requireNonNull(task, "task"));
    }

    /**
     * Calls code inside the sandbox's network namespace and returns its result (see {@link NetNs#call(Callable)}).
     * @param <T> the result type
     * @param task the code
     * @return the result
     * @throws NetNsException if the namespace cannot be entered or the task throws a checked exception
     * @throws IllegalStateException if the sandbox is closed
     */
    public <T> T call(Callable<T> task) {
        requireOpen();
        return netNs.call(Objects.requireNonNull(task, "task"));
    }

    /**
     * Attaches one more network on the next free interface ({@code docker network connect}), detached at close.
     * @param network the network name
     * @return the new attachment
     * @throws IllegalStateException if the sandbox has no namespace of its own, is closed, or has that network
     * @throws CniException if the attach fails (rolled back)
     */
    public Attachment connect(String network) {
        return connect(network, r -> { });
    }

    /**
     * Attaches one more network with per-call options, e.g. {@code r -> r.ips("10.5.0.9/24")}.
     * @param network the network name
     * @param options sets options on the request
     * @return the new attachment
     * @throws IllegalStateException if the sandbox has no namespace of its own, is closed, or has that network
     * @throws CniException if the attach fails (rolled back)
     */
    public Attachment connect(String network, Consumer<AttachRequest> options) {
        Objects.requireNonNull(network, "network");
        return locked(() -> {
            requireOwnNamespace("connect");
            AttachRequest request = new AttachRequest(engine, Planner.Target.CONNECT, List.of(network), containerId,
                    netNs.path(), added -> added.forEach(a -> owned.add(a.step())));
            options.accept(request);
            Attachment added = request.execute();
            attachment = attachment.plus(added);
            return added;
        });
    }

    /**
     * Detaches one network and keeps the others ({@code docker network disconnect}).
     * @param network the network name
     * @return true if the sandbox had the network
     * @throws IllegalStateException if the sandbox has no namespace of its own or is closed
     * @throws CniException if a plugin fails to delete (the network stays recorded, so close retries)
     */
    public boolean disconnect(String network) {
        Objects.requireNonNull(network, "network");
        return locked(() -> {
            requireOwnNamespace("disconnect");
            List<Step> mine = owned.stream().filter(s -> s.name().equals(network)).toList();
            engine.detachSteps(containerId, mine);
            owned.removeAll(mine);
            attachment = attachment.without(network);
            return !mine.isEmpty();
        });
    }

    /**
     * Runs CHECK for the sandbox's own attachments (networks before CNI 0.4.0 are skipped).
     * @throws CniException the first failure, naming the network
     * @throws IllegalStateException if the sandbox is closed
     */
    public void check() {
        locked(() -> {
            requireOpen();
            engine.checkSteps(containerId, List.copyOf(owned));
            return null;
        });
    }

    /**
     * Detaches the sandbox's attachments (newest first, past failures) and removes its namespace if it made one.
     * Idempotent once it succeeded; after a failure, calling again retries what failed.
     * @throws CniException the first failure; the others are suppressed exceptions of it
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            List<RuntimeException> errors = new ArrayList<>();
            try {
                engine.detachSteps(containerId, List.copyOf(owned));
                owned.clear();
            } catch (RuntimeException e) {
                errors.add(e);
            }
            // The namespace goes even when a DEL failed: a retried close (or gc) repeats the DELs without it.
            if (ownsNetNs && !netNsDeleted) {
                try {
                    netNs.delete();
                    netNsDeleted = true;
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            }
            if (!errors.isEmpty()) {
                throw Failures.withSuppressed(errors.get(0), errors.subList(1, errors.size()));
            }
            closed = true;
            netNs.close();
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireOwnNamespace(String what) {
        requireOpen();
        if (!ownsNetNs) {
            throw new IllegalStateException("cannot " + what + " networks in " + mode + " mode: the sandbox has no "
                    + "network namespace of its own");
        }
    }

    /** One message for every use after close, naming the sandbox (not its inner NetNs). */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("sandbox " + containerId + " is closed");
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + containerId + ", " + mode + netNsPath().map(p -> ", " + p).orElse("") + "]";
    }
}
