package io.github.cni4j.examples.cnitool;

import io.github.cni4j.overlay.EtcdStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --cluster-store etcd://IP:PORT[,IP:PORT...]} option (or {@code CNI4J_CLUSTER_STORE}), Docker's
 * spelling of the overlay networks' shared store, as etcd client URLs.
 */
final class ClusterStore {
    static final String FLAG = "--cluster-store";

    private ClusterStore() {
    }

    /**
     * Removes {@code --cluster-store X} / {@code --cluster-store=X} from args and returns X, else the environment's.
     */
    static Optional<String> take(List<String> args, ToolEnv env) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(FLAG)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(FLAG + " needs a value, e.g. etcd://10.0.0.1:2379");
                }
                value = args.remove(i + 1);
                args.remove(i--);
            } else if (a.startsWith(FLAG + "=")) {
                value = a.substring(FLAG.length() + 1);
                args.remove(i--);
            }
        }
        if (value == null && !env.clusterStore().isEmpty()) {
            value = env.clusterStore();
        }
        return Optional.ofNullable(value);
    }

    /** {@code etcd://a:1,b:2} as {@code [http://a:1, http://b:2]}; http:// and https:// URLs pass unchanged. */
    static List<String> endpoints(String store) {
        String rest = store.startsWith("etcd://") ? store.substring(7) : store;
        List<String> out = new ArrayList<>();
        for (String part : rest.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("etcd://")) {
                p = p.substring(7);
            }
            if (!p.startsWith("http://") && !p.startsWith("https://")) {
                if (!p.matches("[^/:]+:[0-9]{1,5}|\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}")) {
                    throw new UsageException(FLAG + " " + store + ": expected etcd://IP:PORT[,IP:PORT...]");
                }
                p = "http://" + p;
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new UsageException(FLAG + " " + store + ": expected etcd://IP:PORT[,IP:PORT...]");
        }
        return List.copyOf(out);
    }

    static EtcdStore connect(String store) {
        return EtcdStore.connect(endpoints(store), Duration.ofSeconds(30));
    }
}
