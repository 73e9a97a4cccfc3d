package io.github.cni4j.internal.gojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

/** Go's net.ParseIP and net.IP.String. */
class GoIpTest {

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, 10.1.2.3",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "0:0:0:0:0:ffff:a01:203, 10.1.2.3",
        "::ffff:10.1.2.3, 10.1.2.3",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "fe80::1:2:3:4, fe80::1:2:3:4",
    })
    void printsAsGo(String in, String out) {
        assertThat(GoIp.format(GoIp.parse(in))).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ",
        "::1%lo", "1:2:3:4:5:6:7:8:9", "1:::2", ":1", "1:", "12345::", "g::", "1.2.3.4::", "example.com",
        "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "١.2.3.4"})
    void refusesWhatGoRefuses(String in) {
        assertThat(GoIp.parse(in)).isNull();
    }

    @Test
    void ipv4MappedAddressesAreIpv4AsGosTo4() {
        assertThat(GoIp.parse("::ffff:1.2.3.4")).isInstanceOf(Inet4Address.class);
        assertThat(GoIp.parse("::1.2.3.4")).isNotInstanceOf(Inet4Address.class);
    }

    @Test
    void printedAddressesParseBack() {
        Seeded.forAll(300, Gen.bytes(16, 16), Gen.bytes(4, 4), (raw16, raw4) -> {
            for (byte[] raw : new byte[][] {raw16, raw4}) {
                InetAddress a = GoIp.toInet(raw);
                assertThat(GoIp.parse(GoIp.format(a))).isEqualTo(a);
            }
        });
    }
}
