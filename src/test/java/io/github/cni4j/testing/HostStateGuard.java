package io.github.cni4j.testing;

import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Around a whole test run (registered as a {@link LauncherSessionListener}): snapshots {@code ip_forward} and the
 * shared CNI iptables chains when the run starts, and when it ends puts back the flag and removes the shared chains
 * the run created (see {@link SharedCniChains}). Active only as root and with {@code -Dcni4j.hostStateGuard=true},
 * which the failsafe configuration sets: the integration tests are the ones that run real plugins.
 */
public final class HostStateGuard implements LauncherSessionListener {

    private SharedCniChains before;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (isRoot() && Boolean.getBoolean("cni4j.hostStateGuard")) {
            before = SharedCniChains.take();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (before == null) {
            return;
        }
        List<String> left = before.restore(System.out);
        left.forEach(what -> System.out.println("note: left on the host after the tests: " + what));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
