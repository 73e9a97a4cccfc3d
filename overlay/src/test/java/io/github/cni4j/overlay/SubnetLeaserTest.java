package io.github.cni4j.overlay;

import io.github.cni4j.error.CniException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SubnetLeaserTest {

    @Test
    void planCutsTheRangeIntoHostSubnets() {
        SubnetPlan plan = SubnetPlan.of("10.200.7.9/16", 24);
        assertThat(plan.range()).isEqualTo("10.200.0.0/16");
        assertThat(plan.count()).isEqualTo(256);
        assertThat(plan.subnet(0)).isEqualTo("10.200.0.0/24");
        assertThat(plan.subnet(255)).isEqualTo("10.200.255.0/24");
        assertThatThrownBy(() -> SubnetPlan.of("10.200.0.0/24", 16)).isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> SubnetPlan.of("10.300.0.0/16", 24)).hasMessageContaining("not an IPv4 CIDR");
    }

    @Test
    void sixteenConcurrentJoinsGetSixteenDistinctSubnets() throws Exception {
        SubnetLeaser leaser = new SubnetLeaser(SubnetPlan.of("10.200.0.0/20", 24), new InMemoryLeaseStore());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String host = "192.0.2." + (i % 2); // colliding start positions on purpose
            String id = host + "#" + i;
            results.add(pool.submit(() -> {
                go.await();
                return leaser.lease("web", id);
            }));
        }
        go.countDown();
        Set<String> subnets = new HashSet<>();
        for (Future<String> f : results) {
            subnets.add(f.get());
        }
        pool.shutdown();
        assertThat(subnets).hasSize(16);
    }

    @Test
    void rejoinKeepsTheSubnetAndExhaustionNamesRangeAndHostCount() {
        SubnetLeaser leaser = new SubnetLeaser(SubnetPlan.of("10.200.0.0/23", 24), new InMemoryLeaseStore());
        String first = leaser.lease("web", "h1");
        assertThat(leaser.lease("web", "h1")).isEqualTo(first);
        String second = leaser.lease("web", "h2");
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> leaser.lease("web", "h3")).isExactlyInstanceOf(CniException.class)
                .hasMessageContaining("10.200.0.0/23").hasMessageContaining("all 2 /24 subnets")
                .hasMessageContaining("2 hosts");
        assertThat(leaser.lease("other", "h3")).isNotEmpty();
    }
}
