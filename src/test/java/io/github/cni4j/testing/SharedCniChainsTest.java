package io.github.cni4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedCniChainsTest {

    @Test
    void iptablesLinesSplitIntoWordsWithQuotedComments() {
        assertThat(SharedCniChains.split("-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT"))
                .containsExactly("-A", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j",
                        "CNI-HOSTPORT-DNAT");
        assertThat(SharedCniChains.split("-A CNI-HOSTPORT-DNAT -m comment --comment \"dnat name: \\\"n\\\" id: x\" "
                + "-j CNI-DN-1")).containsExactly("-A", "CNI-HOSTPORT-DNAT", "-m", "comment", "--comment",
                        "dnat name: \"n\" id: x", "-j", "CNI-DN-1");
        assertThat(SharedCniChains.split("-A X --comment \"\" -j Y")).containsExactly("-A", "X", "--comment", "", "-j",
                "Y");
    }
}
