package io.github.cni4j.netns;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.github.cni4j.error.NetNsException;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When a thread cannot switch back (here: the task drops CAP_SYS_ADMIN from its own thread, which setns needs), the
 * caller gets an Error and the thread refuses further use.
 */
@Tag("integration")
class NetNsStrandedIT {

    /** capget/capset(2) of the C library, only for this test. */
    interface Caps extends Library {
        Caps C = Native.load("c", Caps.class);

        int capget(int[] header, int[] data);

        int capset(int[] header, int[] data);
    }

    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    private static final int CAP_SYS_ADMIN = 21;

    private final NetNsItSupport support = new NetNsItSupport();

    @BeforeEach
    void prerequisites() {
        Prerequisites.requireRootAndPlugins();
    }

    @AfterEach
    void cleanup() {
        support.cleanup();
    }

    /** Removes CAP_SYS_ADMIN from the calling thread's effective set (capabilities are per thread). */
    private static void dropSysAdminOnThisThread() {
        int[] header = {LINUX_CAPABILITY_VERSION_3, 0};
        int[] data = new int[6]; // two {effective, permitted, inheritable} words
        assertThat(Caps.C.capget(header, data)).isZero();
        data[0] &= ~(1 << CAP_SYS_ADMIN);
        assertThat(Caps.C.capset(header, data)).isZero();
    }

    @Test
    void threadThatCannotSwitchBackGetsAnErrorAndIsRefusedAfterwards() throws Exception {
        String name = support.track(TestNames.netns());
        try (NetNs ns = NetNs.create(name)) {
            AtomicReference<Throwable> first = new AtomicReference<>();
            AtomicReference<Throwable> second = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    ns.run(NetNsStrandedIT::dropSysAdminOnThisThread);
                } catch (Throwable e) {
                    first.set(e);
                }
                try {
                    ns.run(() -> { });
                } catch (Throwable e) {
                    second.set(e);
                }
            }, "c4j-stranded");
            t.start();
            t.join(30_000);

            assertThat(first.get()).isInstanceOf(Error.class).hasMessageContaining("must end")
                    .hasCauseInstanceOf(NetNsException.class);
            NetNsException cause = (NetNsException) first.get().getCause();
            assertThat(cause.syscall()).isEqualTo("setns");
            assertThat(cause.errnoName()).isEqualTo("EPERM");
            assertThat(second.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must not be used");
            ns.delete();
        }
    }

    @Test
    @Tag("virtual-threads")  // run by scripts/test.sh on the newest installed JDK (21+); excluded on 17
    void virtualCallerIsNotHurtByATaskThatBreaksTheSwitchBack() throws Exception {
        Assumptions.assumeTrue(NetNsItSupport.virtualThreadsAvailable(), "virtual threads need Java 21+");
        String name = support.track(TestNames.netns());
        try (NetNs ns = NetNs.create(name)) {
            AtomicReference<Throwable> first = new AtomicReference<>();
            AtomicReference<Throwable> second = new AtomicReference<>();
            Thread t = NetNsItSupport.startVirtual(() -> {
                try {
                    ns.run(NetNsStrandedIT::dropSysAdminOnThisThread);
                } catch (Throwable e) {
                    first.set(e);
                }
                try {
                    ns.run(() -> { });
                } catch (Throwable e) {
                    second.set(e);
                }
            });
            t.join(30_000);

            // The hand-off platform thread ends after its task and never switches back, so losing the capability
            // on it fails nothing, and the virtual caller's next call works.
            assertThat(first.get()).isNull();
            assertThat(second.get()).isNull();
            ns.delete();
        }
    }
}
