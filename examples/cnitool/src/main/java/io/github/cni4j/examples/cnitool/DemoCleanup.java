package io.github.cni4j.examples.cnitool;

import io.github.cni4j.error.CniException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.netns.NetNs;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Tears down everything the demo may have made, whatever state it stopped in: DEL (libcni's DEL is idempotent and
 * finds the attachment in the demo's cache), the netns, the bridge, the work dir. The same routine runs after a
 * failed step, from the shutdown hook on Ctrl-C or SIGTERM, and at the start of a demo to clear what a killed one
 * left. Thread-safe: the hook waits for a running CNI operation to finish before it deletes.
 */
final class DemoCleanup {

    private final DemoSetup setup;
    private final CniInvoker invoker;
    private final PrintStream log;
    private final ReentrantLock busy = new ReentrantLock();
    private volatile boolean stopping;

    DemoCleanup(DemoSetup setup, CniInvoker invoker, PrintStream log) {
        this.setup = setup;
        this.invoker = invoker;
        this.log = log;
    }

    /** Runs a step while holding off the shutdown hook; refuses to start once the demo is being stopped. */
    <T> T guarded(Supplier<T> step) {
        busy.lock();
        try {
            if (stopping) {
                throw new ToolException("interrupted");
            }
            return step.get();
        } finally {
            busy.unlock();
        }
    }

    /** The shutdown hook: stop the demo, wait (bounded) for the running step, clean up, then run {@code last}. */
    Thread hook(Runnable last) {
        return new Thread(() -> {
            stopping = true;
            boolean locked = false;
            try {
                locked = busy.tryLock(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                if (Files.exists(setup.workDir()) || NetNs.list().contains(setup.netnsName())
                        || HostCommands.linkExists(setup.bridge())) {
                    log.println("cnitool demo: stopped; cleaning up");
                    cleanUp();
                }
            } finally {
                if (locked) {
                    busy.unlock();
                }
                last.run();
            }
        }, "c4j-demo-cleanup");
    }

    /** Removes everything; reports what it could not remove and returns whether everything is gone. */
    synchronized boolean cleanUp() {
        boolean ok = true;
        if (Files.isDirectory(setup.confDir())) {
            try {
                NetworkConfigList network = ConfLoader.loadConfList(setup.confDir(), setup.network());
                invoker.del(network, runtimeConf());
            } catch (CniException e) {
                ok = false;
                log.println("cleanup: DEL failed: " + e.getMessage());
            }
        }
        if (NetNs.list().contains(setup.netnsName())) {
            try {
                NetNs.delete(setup.netnsName());
            } catch (CniException e) {
                ok = false;
                log.println("cleanup: cannot delete netns " + setup.netnsName() + ": " + e.getMessage());
            }
        }
        ok &= HostCommands.removeBridge(setup.bridge(), log);
        ok &= HostCommands.deleteTree(setup.workDir(), log);
        return ok;
    }

    RuntimeConf runtimeConf() {
        return RuntimeConf.builder()
                .containerId(ToolEnv.containerId(setup.netnsPath()))
                .netNs(setup.netnsPath().toString())
                .ifName("eth0")
                .build();
    }
}
