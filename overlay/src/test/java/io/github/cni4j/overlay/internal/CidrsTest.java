package io.github.cni4j.overlay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.CniException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrsTest {

    @Test
    void literalsAndPrefixes() throws Exception {
        assertThat(Cidrs.network("10.200.4.0/24")).isEqualTo(InetAddress.getByName("10.200.4.0"));
        assertThat(Cidrs.prefix("10.200.4.0/24")).isEqualTo(24);
        assertThat(Cidrs.prefix("10.200.4.0")).isEqualTo(32);
        assertThat(Cidrs.prefix("fd00::/64")).isEqualTo(64);
    }

    @Test
    void hostNamesAndBadPrefixesAreRefused() {
        assertThatThrownBy(() -> Cidrs.literal("example.com")).isExactlyInstanceOf(CniException.class)
                .hasMessage("not an IP address: example.com");
        assertThatThrownBy(() -> Cidrs.literal("10.1.2")).isExactlyInstanceOf(CniException.class);
        assertThatThrownBy(() -> Cidrs.prefix("10.0.0.0/33")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Cidrs.prefix("10.0.0.0/x")).hasMessageContaining("not a CIDR");
    }
}
