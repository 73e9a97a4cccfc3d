package io.github.cni4j.netns;

import io.github.cni4j.testing.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Tracks the namespaces and links an IT makes, and removes what is left even when the test failed. */
final class NetNsItSupport {

    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Set<String> hostLinks = ConcurrentHashMap.newKeySet();

    String track(String name) {
        names.add(name);
        return name;
    }

    void trackHostLink(String link) {
        hostLinks.add(link);
    }

    void cleanup() {
        for (String link : hostLinks) {
            Prerequisites.shQuiet("ip", "link", "del", link);
        }
        for (String name : names) {
            if (Files.exists(NamedNetNs.RUN_DIR.resolve(name))) {
                Prerequisites.shQuiet("ip", "netns", "del", name);
            }
        }
    }

    /**
     * Adds a link named {@code link} inside namespace {@code ns} with iproute2: a dummy, or a bridge where the
     * kernel lacks the dummy driver (some VM kernels do).
     */
    static void ipAddLink(String ns, String link) {
        if (Prerequisites.shQuiet("ip", "-n", ns, "link", "add", link, "type", "dummy") != 0) {
            Prerequisites.sh("ip", "-n", ns, "link", "add", link, "type", "bridge");
        }
    }

    static List<String> ipNetnsList() {
        return Prerequisites.sh("ip", "netns", "list").lines()
                .map(l -> l.split(" ")[0]).collect(Collectors.toList());
    }

    /** The inode of the calling thread's network namespace: equal inodes are the same namespace. */
    static long threadNetNsInode() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/thread-self/ns/net"), "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> linkNames(NetNs ns) {
        return ns.interfaces().stream().map(NetNs.Interface::name).collect(Collectors.toList());
    }

    /** True on a JDK with virtual threads (21+); the tests compile for 17, so they are reached by reflection. */
    static boolean virtualThreadsAvailable() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Starts {@code task} on a new virtual thread (JDK 21+). */
    static Thread startVirtual(Runnable task) throws Exception {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        java.lang.reflect.Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        return (Thread) start.invoke(builder, task);
    }
}
