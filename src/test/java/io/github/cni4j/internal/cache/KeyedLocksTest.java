package io.github.cni4j.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedLocksTest {

    @Test
    void sameKeyIsSerializedAndDifferentKeysOverlap() throws Exception {
        KeyedLocks locks = new KeyedLocks();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(new Thread(() -> {
                for (int j = 0; j < 200; j++) {
                    try (KeyedLocks.Held h = locks.lock("k", true)) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(maxInside).hasValue(1);
        assertThat(locks.size()).isZero();

        CountDownLatch both = new CountDownLatch(2);
        Thread a = new Thread(() -> holdUntil(locks, "a", both));
        Thread b = new Thread(() -> holdUntil(locks, "b", both));
        a.start();
        b.start();
        assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        a.join();
        b.join();
    }

    @Test
    void exclusiveWaitsForShared() throws Exception {
        KeyedLocks locks = new KeyedLocks();
        KeyedLocks.Held shared = locks.lock("net", false);
        CountDownLatch got = new CountDownLatch(1);
        Thread gc = new Thread(() -> {
            try (KeyedLocks.Held h = locks.lock("net", true)) {
                got.countDown();
            }
        });
        gc.start();
        assertThat(got.await(200, TimeUnit.MILLISECONDS)).isFalse();
        shared.close();
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        gc.join();
    }

    private static void holdUntil(KeyedLocks locks, String key, CountDownLatch both) {
        try (KeyedLocks.Held h = locks.lock(key, true)) {
            both.countDown();
            both.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
