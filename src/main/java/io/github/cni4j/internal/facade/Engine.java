package io.github.cni4j.internal.facade;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.CniException;
import io.github.cni4j.internal.cache.KeyedLocks;
import io.github.cni4j.internal.invoke.Failures;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The facade's engine: holds the current {@link Snapshot} and runs attach, detach, check, connect and disconnect
 * for one container at a time (a per-container lock; different containers run in parallel). Thread-safe.
 */
public final class Engine {

    private final NetworkOps ops;
    private final Settings settings;
    private final AtomicReference<Snapshot> snapshot;
    /** One lock per container, as the spec wants no parallel ADD/DEL for one container. */
    private final KeyedLocks locks = new KeyedLocks();

    /** Creates an engine on the real invoker.
     * @param settings the settings
     * @return the engine
     * @throws io.github.cni4j.error.ConfigException if the networks cannot be loaded */
    public static Engine create(Settings settings) {
        return new Engine(InvokerOps.create(settings), settings);
    }

    /** Creates an engine and loads the first snapshot.
     * @param ops the operations
     * @param settings the settings
     * @throws io.github.cni4j.error.ConfigException if the networks cannot be loaded */
    public Engine(NetworkOps ops, Settings settings) {
        this.ops = ops;
        this.settings = settings;
        this.snapshot = new AtomicReference<>(SnapshotLoader.load(settings));
    }

    /** Re-reads the configuration and swaps the snapshot in one step (running operations keep theirs). */
    public void reload() {
        snapshot.set(SnapshotLoader.load(settings));
    }

    /** The current snapshot. */
    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** Attaches a request's networks, all or nothing (see {@link Planner#plan} for the parameters).
     * @param target which networks
     * @param names the named networks
     * @param base the shared parameters
     * @param own per-network parameters
     * @param inspect checks each result (see {@link AttachFlow#run})
     * @return the added steps with their results */
    public List<AttachFlow.Added> attach(Planner.Target target, List<String> names, RuntimeConf base,
                                         Map<String, RuntimeConf> own, BiConsumer<Step, Result> inspect) {
        Snapshot snap = snapshot.get();
        String id = base.containerId();
        return locked(id, () -> {
            List<CachedAttachment> cached = ops.cachedAttachments(id);
            Set<String> used = target == Planner.Target.CONNECT
                    ? cached.stream().map(CachedAttachment::ifName).collect(Collectors.toSet()) : Set.of();
            List<Step> steps = Planner.plan(target, names, base, own, snap, settings, used);
            refuseSecondAdd(id, steps, cached);
            return AttachFlow.run(ops, id, steps, inspect);
        });
    }

    /**
     * The spec forbids a second ADD for an attachment without a DEL in between: a network the container already
     * has (per the cache), or an interface name it already uses, is refused before anything runs.
     */
    private static void refuseSecondAdd(String containerId, List<Step> steps, List<CachedAttachment> cached) {
        for (Step s : steps) {
            for (CachedAttachment c : cached) {
                if (c.networkName().equals(s.name()) || c.ifName().equals(s.ifName())) {
                    throw new IllegalStateException("container \"" + containerId
                            + "\" is already attached to network \"" + c.networkName() + "\" as " + c.ifName()
                            + " (per the result cache); detach or disconnect it first");
                }
            }
        }
    }

    /** Detaches everything the container has: its cached attachments and the configured networks, newest first.
     * @param containerId the container
     * @param netNs its namespace path ({@code ""} or a missing path are fine) */
    public void detach(String containerId, String netNs) {
        Snapshot snap = snapshot.get();
        locked(containerId, () -> {
            DetachFlow.delAll(ops, containerId, DetachFlow.items(ops, snap, settings, containerId, netNs));
            return null;
        });
    }

    /** Deletes exactly these steps, newest first, continuing past failures.
     * @param containerId the container, for the lock and messages
     * @param steps the steps in attach order */
    public void detachSteps(String containerId, List<Step> steps) {
        locked(containerId, () -> {
            DetachFlow.delAll(ops, containerId, steps);
            return null;
        });
    }

    /** Detaches one network from a container, keeping its other attachments ({@code docker network disconnect}).
     * @param containerId the container
     * @param netNs its namespace path
     * @param network the network name
     * @return true when an attachment was found and deleted */
    public boolean disconnect(String containerId, String netNs, String network) {
        Snapshot snap = snapshot.get();
        return locked(containerId, () -> {
            List<Step> items = ops.cachedAttachments(containerId).stream()
                    .filter(c -> c.networkName().equals(network)).map(c -> DetachFlow.stepOf(c, snap, netNs)).toList();
            DetachFlow.delAll(ops, containerId, items);
            return !items.isEmpty();
        });
    }

    /**
     * Checks the container's attachments in attach order (networks older than CNI 0.4.0 cannot be checked and
     * are skipped).
     *
     * @param containerId the container
     * @param netNs its namespace path
     */
    public void check(String containerId, String netNs) {
        Snapshot snap = snapshot.get();
        locked(containerId, () -> {
            checkSteps(containerId, DetachFlow.items(ops, snap, settings, containerId, netNs));
            return null;
        });
    }

    /** Checks exactly these steps in order.
     * @param containerId the container
     * @param steps the steps */
    public void checkSteps(String containerId, List<Step> steps) {
        for (Step s : steps) {
            if (!supportsCheck(s.net())) {
                continue;
            }
            try {
                ops.check(s.net(), s.rt());
            } catch (CniException e) {
                throw Failures.augment(e, "checking container \"" + containerId + "\" failed at "
                        + Failures.pluginOf(e) + s.describe() + ": ", "");
            }
        }
    }

    /** Status of every default network (and loopback); the first failure is raised with the network named. */
    public void status() {
        Snapshot snap = snapshot.get();
        List<NetworkConfigList> nets = new ArrayList<>();
        snap.loopback().ifPresent(nets::add);
        nets.addAll(snap.resolveDefaults());
        Planner.requireEnough(snap.resolveDefaults(), snap, settings);
        for (NetworkConfigList n : nets) {
            try {
                ops.status(n);
            } catch (CniException e) {
                throw Failures.augment(e, "network \"" + n.name() + "\" is not ready: ", "");
            }
        }
    }

    /**
     * Garbage-collects every network that has cached attachments or is configured, keeping the attachments of the
     * valid containers.
     *
     * @param validContainerIds containers whose attachments stay
     */
    public void gc(Set<String> validContainerIds) {
        GcFlow.run(ops, snapshot.get(), validContainerIds);
    }

    static boolean supportsCheck(NetworkConfigList net) {
        try {
            return CniVersion.parse(net.cniVersion()).isAtLeast(CniVersion.V0_4_0);
        } catch (RuntimeException e) {
            return true; // let the invoker report the bad version in its own words
        }
    }

    private <T> T locked(String containerId, Supplier<T> body) {
        try (KeyedLocks.Held held = locks.lock(containerId, true)) {
            return body.get();
        }
    }
}
