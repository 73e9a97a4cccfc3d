package io.github.cni4j.examples.cnitool;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Around the IT run ({@code -Dcni4j.hostStateGuard=true}, set by failsafe; root only): the shared CNI iptables
 * chains the run made are removed and {@code ip_forward} is put back, with {@link HostState} as the demo does.
 */
public final class ItHostGuard implements LauncherSessionListener {

    private HostState before;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("cni4j.hostStateGuard") && HostCommands.isRoot()) {
            before = HostState.take();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (before != null) {
            before.restore(System.out).forEach(w -> System.out.println("note: left on the host after the tests: " + w));
        }
    }
}
