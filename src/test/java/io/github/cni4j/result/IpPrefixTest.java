package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR text as Go's net.ParseCIDR and IPNet.String handle it. */
class IpPrefixTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.2/24, 10.0.0.2/24",
        "10.0.0.1/08, 10.0.0.1/8",
        "2001:DB8::2/64, 2001:db8::2/64",
        "2001:DB8:0:0:1::2/64, 2001:db8::1:0:0:2/64",
        "1:0:0:1:0:0:0:1/128, 1:0:0:1::1/128",
        "0:0:1:0:0:1:0:0/128, ::1:0:0:1:0:0/128",
        "1:0:1:0:1:0:1:0/128, 1:0:1:0:1:0:1:0/128",
        "fe80::1:0:0:0/10, fe80::1:0:0:0/10",
        "::/0, ::/0",
        "::1.2.3.4/128, ::102:304/128",
        "::ffff:10.0.0.1/120, 10.0.0.1/24",
        "::ffff:10.0.0.1/64, 10.0.0.1/0",
        "1:2:3:4:5:6:7::/128, 1:2:3:4:5:6:7:0/128",
    })
    void canonicalTextIsWhatGoPrints(String in, String out) {
        assertThat(IpPrefix.parse(in)).hasToString(out);
        assertThat(IpPrefix.parse(out)).isEqualTo(IpPrefix.parse(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "010.0.0.1/8", "1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/ 1", "1.2.3.4/",
        "1.2.3/8", "256.2.3.4/8", "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9/64", "1::2::3/128", "00001::/128",
        "1:2:3:4:5:6:7:8::/128", "1:2:3:4:5:6:7:1.2.3.4/128", "::/129", "", "/8", "host/8", "1::2:3:4:5:6:7:8/64"})
    void invalidTextIsRefusedWithGosMessage(String in) {
        assertThatThrownBy(() -> IpPrefix.parse(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: " + in);
    }

    @Test
    void familyAndPartsAreExposed() throws UnknownHostException {
        IpPrefix p = IpPrefix.parse("10.22.0.5/16");
        assertThat(p.isIpv4()).isTrue();
        assertThat(p.prefixLength()).isEqualTo(16);
        assertThat(p.address()).isEqualTo(InetAddress.getByName("10.22.0.5"));
        assertThat(IpPrefix.parse("2001:db8::5/64").isIpv4()).isFalse();
        assertThat(IpPrefix.of(InetAddress.getByName("2001:db8::5"), 64)).isEqualTo(IpPrefix.parse("2001:db8::5/64"));
        assertThatThrownBy(() -> IpPrefix.of(InetAddress.getByName("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
