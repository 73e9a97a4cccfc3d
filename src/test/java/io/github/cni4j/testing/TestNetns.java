package io.github.cni4j.testing;

import java.nio.file.Path;

/**
 * A network namespace made with {@code ip netns add c4j-…} for a test, removed on {@link #close()} even when the
 * test failed. Tests that exercise cni4j's own {@code NetNs} do not use this.
 */
public final class TestNetns implements AutoCloseable {

    private final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    public static TestNetns create() {
        String name = TestNames.netns();
        Prerequisites.sh("ip", "netns", "add", name);
        Prerequisites.sh("ip", "-n", name, "link", "set", "lo", "up");
        return new TestNetns(name);
    }

    public String name() {
        return name;
    }

    public Path path() {
        return Path.of("/var/run/netns", name);
    }

    /** Runs {@code ip -n <ns> args...} and returns stdout. */
    public String ip(String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "ip";
        cmd[1] = "-n";
        cmd[2] = name;
        System.arraycopy(args, 0, cmd, 3, args.length);
        return Prerequisites.sh(cmd);
    }

    @Override
    public void close() {
        Prerequisites.shQuiet("ip", "netns", "del", name);
    }
}
