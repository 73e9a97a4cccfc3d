package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetsTest {

    @Test
    void findsPrefixesInIpOutput() {
        String text = """
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                2: eth0    inet 172.17.0.5/16 brd 172.17.255.255 scope global eth0
                default via 172.17.0.1 dev eth0
                10.88.0.0/16 dev cni0 proto kernel scope link src 10.88.0.1
                local 10.1.2.3 dev eth0 table local proto kernel scope host src 10.1.2.3
                """;
        assertThat(Subnets.prefixesIn(text)).containsExactly("127.0.0.1/8", "172.17.0.5/16", "172.17.255.255/32",
                "172.17.0.1/32", "10.88.0.0/16", "10.88.0.1/32", "10.1.2.3/32", "10.1.2.3/32");
    }

    @Test
    void prefers1088WhenFree() {
        assertThat(Subnets.pickFree(List.of("0.0.0.0/0", "172.17.0.5/16", "192.168.1.4/24"))).contains("10.88.0.0/16");
    }

    @Test
    void movesOnWhen1088IsUsed() {
        assertThat(Subnets.pickFree(List.of("10.88.0.1/32", "10.89.3.0/24"))).contains("10.90.0.0/16");
        assertThat(Subnets.pickFree(List.of("10.0.0.0/8"))).isEmpty();
    }

    @Test
    void overlapIsPrefixContainmentEitherWay() {
        assertThat(Subnets.overlaps("10.88.0.0/16", "10.88.200.7/32")).isTrue();
        assertThat(Subnets.overlaps("10.88.0.0/16", "10.0.0.0/8")).isTrue();
        assertThat(Subnets.overlaps("10.88.0.0/16", "10.89.0.0/16")).isFalse();
    }

    @Test
    void hostAddresses() {
        assertThat(Subnets.host("10.88.0.0/16", 1)).isEqualTo("10.88.0.1");
        assertThat(Subnets.host("10.90.7.9/16", 2)).isEqualTo("10.90.0.2");
    }

    @Test
    void rejectsWhatIsNotAPrefix() {
        assertThat(Subnets.parse("10.88.0.0/33")).isEmpty();
        assertThat(Subnets.parse("300.1.1.1/8")).isEmpty();
        assertThat(Subnets.parse("10.88.0")).isEmpty();
    }
}
