package io.github.cni4j.netns;

import static io.github.cni4j.netns.NetNsItSupport.linkNames;
import static io.github.cni4j.netns.NetNsItSupport.threadNetNsInode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class NetNsRunIT {

    private final NetNsItSupport support = new NetNsItSupport();
    private final List<NetNs> open = new ArrayList<>();

    @BeforeEach
    void prerequisites() {
        Prerequisites.requireRootAndPlugins();
    }

    @AfterEach
    void cleanup() {
        open.forEach(NetNs::close);
        support.cleanup();
    }

    private NetNs newNamespace() {
        NetNs ns = NetNs.create(support.track(TestNames.netns()));
        open.add(ns);
        return ns;
    }

    private static long inode(NetNs ns) throws IOException {
        return ((Number) Files.getAttribute(ns.path(), "unix:ino")).longValue();
    }

    @Test
    void runEntersTheNamespaceAndRestoresAfterReturn() throws Exception {
        NetNs ns = newNamespace();
        long before = threadNetNsInode();
        long[] inside = new long[1];
        ns.run(() -> inside[0] = threadNetNsInode());
        assertThat(inside[0]).isEqualTo(inode(ns)).isNotEqualTo(before);
        assertThat(threadNetNsInode()).isEqualTo(before);
        assertThat(ns.call(NetNsItSupport::threadNetNsInode)).isEqualTo(inode(ns));
        assertThat(threadNetNsInode()).isEqualTo(before);
    }

    @Test
    void uncheckedExceptionsAndErrorsPassThroughAndThreadIsRestored() {
        NetNs ns = newNamespace();
        long before = threadNetNsInode();
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> ns.run(() -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(threadNetNsInode()).isEqualTo(before);
        AssertionError error = new AssertionError("error");
        assertThatThrownBy(() -> ns.run(() -> {
            throw error;
        })).isSameAs(error);
        assertThat(threadNetNsInode()).isEqualTo(before);
    }

    @Test
    void checkedExceptionsAreWrappedAndThreadIsRestored() {
        NetNs ns = newNamespace();
        long before = threadNetNsInode();
        IOException io = new IOException("io");
        assertThatThrownBy(() -> ns.call(() -> {
            throw io;
        })).isInstanceOf(NetNsException.class).hasCause(io).hasMessageContaining(ns.path().toString());
        assertThat(threadNetNsInode()).isEqualTo(before);

        assertThatThrownBy(() -> ns.call(() -> {
            throw new InterruptedException();
        })).isInstanceOf(NetNsException.class).hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("interrupt flag set again").isTrue();
        assertThat(threadNetNsInode()).isEqualTo(before);
    }

    @Test
    void nestedCallsReturnToTheEnclosingNamespace() throws Exception {
        NetNs outer = newNamespace();
        NetNs inner = newNamespace();
        long before = threadNetNsInode();
        long afterInner = outer.call(() -> {
            inner.run(() -> assertThat(threadNetNsInode()).isNotEqualTo(before));
            return threadNetNsInode();
        });
        assertThat(afterInner).isEqualTo(inode(outer));
        assertThat(threadNetNsInode()).isEqualTo(before);
    }

    @Test
    void createLeavesTheCallingThreadWhereItWas() throws Exception {
        // create unshares on the calling thread and switches it back: at home, and inside another namespace.
        long before = threadNetNsInode();
        NetNs made = newNamespace();
        assertThat(threadNetNsInode()).isEqualTo(before);
        assertThat(inode(made)).isNotEqualTo(before);
        NetNs outer = newNamespace();
        long[] insideAfterCreate = new long[1];
        NetNs nested = outer.call(() -> {
            NetNs n = NetNs.create(support.track(TestNames.netns()));
            insideAfterCreate[0] = threadNetNsInode();
            return n;
        });
        open.add(nested);
        assertThat(insideAfterCreate[0]).isEqualTo(inode(outer));
        assertThat(threadNetNsInode()).isEqualTo(before);
        assertThat(nested.call(NetNsItSupport::threadNetNsInode)).isEqualTo(inode(nested))
                .isNotEqualTo(inode(outer)).isNotEqualTo(before);
    }

    @Test
    void threadStartedInsideANamespaceTreatsItAsHome() throws Exception {
        NetNs outer = newNamespace();
        NetNs other = newNamespace();
        long[] seen = new long[2];
        outer.run(() -> {
            Thread child = new Thread(() -> {
                other.run(() -> seen[0] = threadNetNsInode());
                seen[1] = threadNetNsInode();
            });
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[0]).isEqualTo(inode(other));
        assertThat(seen[1]).isEqualTo(inode(outer));
    }

    @Test
    void sixteenThreadsInDifferentNamespacesSeeOnlyTheirOwnLink() throws Exception {
        int threads = 16;
        List<NetNs> namespaces = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            NetNs ns = newNamespace();
            NetNsItSupport.ipAddLink(ns.name().orElseThrow(), "c4jdum" + i);
            namespaces.add(ns);
        }
        long host = threadNetNsInode();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            NetNs ns = namespaces.get(i);
            String own = "c4jdum" + i;
            Thread t = new Thread(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    for (int round = 0; round < 25; round++) {
                        assertThat(linkNames(ns)).containsExactlyInAnyOrder("lo", own);
                        assertThat(threadNetNsInode()).isEqualTo(host);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void oneInstanceIsSharedByManyThreads() throws Exception {
        NetNs ns = newNamespace();
        long expected = inode(ns);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int round = 0; round < 200; round++) {
                        assertThat(ns.call(NetNsItSupport::threadNetNsInode)).isEqualTo(expected);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Tag("virtual-threads")  // run by scripts/test.sh on the newest installed JDK (21+); excluded on 17
    void virtualThreadsRunInsideWithoutMovingTheirCarriers() throws Exception {
        Assumptions.assumeTrue(NetNsItSupport.virtualThreadsAvailable(), "virtual threads need Java 21+");
        NetNs ns = newNamespace();
        NetNsItSupport.ipAddLink(ns.name().orElseThrow(), "c4jdum0");
        long host = threadNetNsInode();
        long expected = inode(ns);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            threads.add(NetNsItSupport.startVirtual(() -> {
                try {
                    for (int round = 0; round < 10; round++) {
                        assertThat(NsSwitch.isVirtual(Thread.currentThread())).isTrue();
                        Callable<Boolean> onPlatformThread = () -> !NsSwitch.isVirtual(Thread.currentThread());
                        assertThat(ns.call(onPlatformThread)).isTrue();
                        assertThat(ns.call(NetNsItSupport::threadNetNsInode)).isEqualTo(expected);
                        assertThat(linkNames(ns)).containsExactlyInAnyOrder("lo", "c4jdum0");
                        // /proc/thread-self of a virtual thread is its current carrier: never left inside.
                        assertThat(threadNetNsInode()).isEqualTo(host);
                        Thread.yield();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(failures).isEmpty();
    }
}
