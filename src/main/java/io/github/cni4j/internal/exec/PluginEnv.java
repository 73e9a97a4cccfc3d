package io.github.cni4j.internal.exec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a plugin's environment as libcni does: the runtime's whole environment, then all six CNI variables (empty
 * ones included) on top, later values winning.
 *
 * <p>The result is an immutable view ({@link Env}) of the parent environment, captured once, plus the six values, so
 * a run copies nothing; the native executor writes the parent part from a block it encoded once.
 */
public final class PluginEnv {

    /** The CNI variables, in the order {@link Env} holds their values. */
    static final List<String> KEYS = List.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_ARGS", "CNI_IFNAME",
            "CNI_PATH");
    /** The parent environment without the CNI variables (those are always replaced). */
    static final Map<String, String> PARENT = System.getenv().entrySet().stream()
            .filter(e -> !KEYS.contains(e.getKey()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private PluginEnv() {
    }

    /**
     * The environment of ADD, CHECK, DEL, GC and STATUS.
     *
     * @param command the verb, e.g. {@code ADD}
     * @param containerId the container ID ("" for GC/STATUS)
     * @param netns the netns path ("" for GC/STATUS)
     * @param ifName the interface name ("" for GC/STATUS)
     * @param cniArgs the {@code CNI_ARGS} string
     * @param cniPath the {@code CNI_PATH} string
     * @return the complete environment, immutable
     */
    public static Map<String, String> of(String command, String containerId, String netns, String ifName,
                                         String cniArgs, String cniPath) {
        return new Env(List.of(command, containerId, netns, cniArgs, ifName, cniPath));
    }

    /**
     * {@code CNI_ARGS} as libcni builds it: {@code k=v} pairs joined by {@code ;}, nothing escaped or checked.
     *
     * @param args the ordered pairs
     * @return the string, empty for no pairs
     */
    public static String cniArgs(List<Map.Entry<String, String>> args) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> kv : args) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(kv.getKey()).append('=').append(kv.getValue());
        }
        return sb.toString();
    }

    /** {@link #PARENT}, then the CNI variables of {@link #KEYS}; immutable, so requests need not copy it. */
    public static final class Env extends AbstractMap<String, String> {

        /** The values of {@link #KEYS}. */
        final List<String> cni;

        private Env(List<String> cni) {
            this.cni = cni;
        }

        @Override
        public String get(Object key) {
            int i = KEYS.indexOf(key);
            return i >= 0 ? cni.get(i) : PARENT.get(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return Stream.concat(PARENT.entrySet().stream(),
                            KEYS.stream().map(k -> Map.entry(k, get(k)))).iterator();
                }

                @Override
                public int size() {
                    return PARENT.size() + KEYS.size();
                }
            };
        }
    }
}
