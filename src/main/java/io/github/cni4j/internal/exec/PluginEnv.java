package io.github.cni4j.internal.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a plugin's environment as libcni does: the runtime's whole environment, then all six CNI variables (empty
 * ones included) on top, later values winning.
 *
 * <p>Thread-safe: the parent environment is captured once; {@link System#getenv()} is immutable anyway.
 */
public final class PluginEnv {

    private static final Map<String, String> PARENT = System.getenv();

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
     * @return the complete environment
     */
    public static Map<String, String> of(String command, String containerId, String netns, String ifName,
                                         String cniArgs, String cniPath) {
        Map<String, String> env = new HashMap<>(PARENT);
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", containerId);
        env.put("CNI_NETNS", netns);
        env.put("CNI_ARGS", cniArgs);
        env.put("CNI_IFNAME", ifName);
        env.put("CNI_PATH", cniPath);
        return env;
    }

    /**
     * The environment of VERSION: libcni fills the required-by-old-plugins variables with {@code dummy}.
     *
     * @return the complete environment
     */
    public static Map<String, String> forVersion() {
        return of("VERSION", "", "dummy", "dummy", "", "dummy");
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
}
