package io.github.cni4j.internal.facade;

import io.github.cni4j.internal.config.CniNames;
import java.util.Collection;

/**
 * Container interface names: {@code <prefix><n>} as Docker and nerdctl number them ({@code eth0}, {@code eth1},
 * ...), and the loopback network's fixed {@code lo}.
 */
public final class IfNames {

    /** The interface the loopback plugin configures. */
    public static final String LOOPBACK = "lo";

    /** go-cni's and Docker's prefix. */
    public static final String DEFAULT_PREFIX = "eth";

    private IfNames() {
    }

    /** Checks that a prefix leaves room for a number of up to four digits within the kernel's 15-byte limit.
     * @param prefix the prefix
     * @return null when fine, else what is wrong */
    public static String checkPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return "interface prefix must not be empty";
        }
        if (!CniNames.isValidInterfaceName(prefix + "9999")) {
            return "interface prefix \"" + prefix + "\" must be at most 11 bytes without '/', ':' or whitespace";
        }
        return null;
    }

    /**
     * Returns the lowest numbered name of a prefix that is not in use, as {@code docker network connect} picks
     * the next interface of a running container.
     *
     * @param prefix the prefix
     * @param used names already in use in the container
     * @return the first free name
     */
    public static String nextFree(String prefix, Collection<String> used) {
        for (int i = 0; ; i++) {
            String name = prefix + i;
            if (!used.contains(name)) {
                return name;
            }
        }
    }
}
