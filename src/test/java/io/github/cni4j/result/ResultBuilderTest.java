package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.version.CniVersion;
import org.junit.jupiter.api.Test;

/** What the builders accept, normalize and refuse. */
class ResultBuilderTest {

    @Test
    void defaultsToAnEmpty110Result() {
        Result r = Result.builder().build();
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V1_1_0);
        assertThat(r.interfaces()).isEmpty();
        assertThat(r.ips()).isEmpty();
        assertThat(r.routes()).isEmpty();
        assertThat(r.dns()).isEmpty();
    }

    @Test
    void listsAreUnmodifiable() {
        Result r = ResultEncodingTest.full();
        assertThatThrownBy(() -> r.ips().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.dns().orElseThrow().search().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void versionLabelsAreClearedFor1xAndFilledFor02() {
        IpConfig v4 = IpConfig.builder().address("10.0.0.2/24").version("4").build();
        assertThat(Result.builder().addIp(v4).build().ips().get(0).version()).isEmpty();
        IpConfig bare = IpConfig.builder().address("2001:db8::2/64").build();
        assertThat(Result.builder().cniVersion(CniVersion.V0_2_0).addIp(bare).build().ips().get(0).version())
                .isEqualTo("6");
        assertThat(Result.builder().cniVersion(CniVersion.V0_4_0).addIp(bare).build().ips().get(0).version())
                .isEmpty();
    }

    @Test
    void legacyResultsRefuseWhatTheirJsonCannotHold() {
        Result.Builder b = Result.builder().cniVersion(CniVersion.V0_2_0);
        IpConfig ip = IpConfig.builder().address("10.0.0.2/24").build();
        assertThatThrownBy(() -> b.addInterface(Result.Interface.builder().name("eth0").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interfaces");
        assertThatThrownBy(() -> Result.builder().cniVersion(CniVersion.V0_1_0).addIp(ip).addIp(ip).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one");
        assertThatThrownBy(() -> Result.builder().cniVersion(CniVersion.V0_1_0)
                .addIp(ip.toBuilder().interfaceIndex(0).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interface index");
        assertThatThrownBy(() -> Result.builder().cniVersion(CniVersion.V0_1_0).addIp(ip)
                .addRoute(Route.builder().dst("::/0").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an ip6");
    }

    @Test
    void interface11FieldsAreDroppedBelow100() {
        Result.Interface tap = Result.Interface.builder().name("tap0").mtu(9000).socketPath("/s").pciId("p").build();
        Result r = Result.builder().cniVersion(CniVersion.V0_4_0).addInterface(tap).build();
        assertThat(r.interfaces()).containsExactly(Result.Interface.builder().name("tap0").build());
    }

    @Test
    void unsupportedVersionsAndMissingAddressesAreCallerBugs() {
        assertThatThrownBy(() -> Result.builder().cniVersion(CniVersion.of(1, 2, 0)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpConfig.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpConfig.builder().gateway("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IP address: nope");
        assertThatThrownBy(() -> Route.builder().gw("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpConfig.builder().address((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toBuilderCopiesEverything() {
        Result r = ResultEncodingTest.full();
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.interfaces().get(0).toBuilder().build()).isEqualTo(r.interfaces().get(0));
        assertThat(r.routes().get(0).toBuilder().build()).isEqualTo(r.routes().get(0));
        assertThat(r.dns().orElseThrow().toBuilder().build()).isEqualTo(r.dns().orElseThrow());
        assertThat(r.ips().get(0).toBuilder().build()).isEqualTo(r.ips().get(0));
        assertThat(r.ips().get(0).toString()).contains("10.0.0.2/24", "10.0.0.1");
    }
}
