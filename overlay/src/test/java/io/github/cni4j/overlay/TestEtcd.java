package io.github.cni4j.overlay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The test etcd from CNI4J_TEST_ETCD; under CI=true a missing one fails the test, otherwise it is skipped. */
final class TestEtcd {
    private TestEtcd() {
    }

    static String endpoint() {
        String ep = System.getenv("CNI4J_TEST_ETCD");
        if (ep == null || ep.isBlank()) {
            String why = "CNI4J_TEST_ETCD is not set (scripts/test.sh starts etcd-server and sets it)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return ep;
    }

    static EtcdStore store(Duration ttl) {
        return EtcdStore.connect(List.of(endpoint()), ttl);
    }

    /** A network name no other test run uses. */
    static String name(String base) {
        return base + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24);
    }

    /** A VXLAN id unlikely to be taken by another run. */
    static int vni() {
        return ThreadLocalRandom.current().nextInt(100_000, 16_000_000);
    }
}
