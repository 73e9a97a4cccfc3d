package io.github.cni4j.result;

import io.github.cni4j.error.CniException;
import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.version.CniVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libcni's conversion matrix (REFERENCE B.9), cell by cell. */
class ResultConversionTest {

    private static final List<CniVersion> ALL = CniVersion.supported();

    private static boolean legacy(CniVersion v) {
        return !v.isAtLeast(CniVersion.V0_3_0);
    }

    @Test
    void everyCellOfTheMatrixConvertsAndFollowsTheTargetShape() {
        for (CniVersion from : ALL) {
            Result seed = ResultEncodingTest.full().convertTo(from);
            for (CniVersion to : ALL) {
                Result r = seed.convertTo(to);
                assertThat(r.cniVersion()).as("%s -> %s", from, to).isEqualTo(to);
                assertThat(r.dns()).isEqualTo(seed.dns());
                if (legacy(to)) {
                    assertThat(r.interfaces()).isEmpty();
                    assertThat(r.ips()).extracting(IpConfig::version).containsExactly("4", "6");
                    assertThat(r.routes()).allSatisfy(rt -> assertThat(rt.mtu() + rt.advmss() + rt.priority())
                            .isZero());
                } else if (to.isAtLeast(CniVersion.V1_0_0)) {
                    assertThat(r.ips()).extracting(IpConfig::version).containsOnly("");
                } else {
                    assertThat(r.ips()).allSatisfy(ip -> assertThat(ip.version())
                            .isEqualTo(ip.address().isIpv4() ? "4" : "6"));
                }
                assertThat(r.ips()).extracting(IpConfig::address).containsExactlyElementsOf(
                        seed.ips().stream().map(IpConfig::address).toList());
                assertThat(r.routes()).extracting(Route::dst).containsExactly(
                        IpPrefix.parse("0.0.0.0/0"), IpPrefix.parse("::/0"));
            }
        }
    }

    @Test
    void sameVersionReturnsTheResultItself() {
        for (CniVersion v : ALL) {
            Result r = ResultEncodingTest.full().convertTo(v);
            assertThat(r.convertTo(v)).isSameAs(r);
        }
    }

    @Test
    void emptyTargetMeans010() {
        Result r = ResultEncodingTest.full().convertTo(CniVersion.parse(""));
        assertThat(r.cniVersion()).isEqualTo(CniVersion.V0_1_0);
    }

    @Test
    void unknownTargetsHaveNoConverter() {
        for (CniVersion from : ALL) {
            Result r = ResultEncodingTest.full().convertTo(from);
            for (String to : List.of("1.2.0", "2.0.0", "0.0.0", "0.5")) {
                assertThatThrownBy(() -> r.convertTo(CniVersion.parse(to)))
                        .is(FailureKinds.INCOMPATIBLE_VERSION)
                        .hasMessage("no converter for CNI result version " + from + " to " + CniVersion.parse(to))
                        .satisfies(e -> assertThat(((CniException) e).code()).isEqualTo(1));
            }
        }
    }

    @Test
    void within1xOnlyTheLabelChangesAnd11FieldsStay() {
        Result r = ResultEncodingTest.full();
        Result down = r.convertTo(CniVersion.V1_0_0);
        assertThat(down.toBuilder().cniVersion(CniVersion.V1_1_0).build()).isEqualTo(r);
        assertThat(down.interfaces().get(0).mtu()).isEqualTo(1500);
        assertThat(down.convertTo(CniVersion.V1_1_0)).isEqualTo(r);
    }

    @Test
    void to04DropsInterface11FieldsKeepsRouteFieldsAndLabelsByFamily() {
        Result r = ResultEncodingTest.full().convertTo(CniVersion.V0_4_0);
        assertThat(r.interfaces()).containsExactly(Result.Interface.builder().name("eth0").mac("aa:bb:cc:dd:ee:ff")
                .sandbox("/var/run/netns/c4j-x").build());
        assertThat(r.routes().get(0)).isEqualTo(ResultEncodingTest.full().routes().get(0));
        Result mapped = Result.builder().cniVersion(CniVersion.V1_0_0)
                .addIp(IpConfig.builder().address("::ffff:10.1.2.3/120").build()).build();
        assertThat(mapped.convertTo(CniVersion.V0_3_1).ips().get(0).version()).isEqualTo("4");
        assertThat(mapped.ips().get(0).address()).hasToString("10.1.2.3/24");
    }

    @Test
    void from04To1xDropsTheLabelAndKeepsEverythingElse() {
        Result r04 = Result.fromBytes(("{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\"}],"
                + "\"ips\":[{\"version\":\"6\",\"interface\":0,\"address\":\"10.0.0.2/24\"}],"
                + "\"routes\":[{\"dst\":\"10.0.0.0/8\",\"table\":5}]}").getBytes());
        Result r11 = r04.convertTo(CniVersion.V1_1_0);
        assertThat(r11.ips()).containsExactly(IpConfig.builder().address("10.0.0.2/24").interfaceIndex(0).build());
        assertThat(r11.routes().get(0).table()).contains(5);
        assertThat(r11.interfaces()).isEqualTo(r04.interfaces());
    }

    @Test
    void to02KeepsFirstAddressOfEachLabelAndOnlyRoutesOfFamiliesWithAnAddress() {
        Result r = Result.builder().cniVersion(CniVersion.V0_4_0)
                .addIp(IpConfig.builder().address("10.0.0.2/24").version("4").build())
                .addIp(IpConfig.builder().address("10.0.0.3/24").version("4").gateway("10.0.0.1").build())
                .addIp(IpConfig.builder().address("10.9.0.3/24").build())
                .addRoute(Route.builder().dst("::/0").build())
                .addRoute(Route.builder().dst("10.0.0.0/8").gw("10.0.0.1").mtu(9000).table(3).build())
                .build();
        Result r02 = r.convertTo(CniVersion.V0_2_0);
        assertThat(r02.ips()).containsExactly(IpConfig.builder().address("10.0.0.2/24").version("4").build());
        assertThat(r02.routes()).containsExactly(Route.builder().dst("10.0.0.0/8").gw("10.0.0.1").build());
    }

    @Test
    void to02WithoutALabelledAddressCannotConvert() {
        Result unlabelled = Result.builder().cniVersion(CniVersion.V0_3_0)
                .addIp(IpConfig.builder().address("10.0.0.2/24").build()).build();
        Result none = Result.builder().cniVersion(CniVersion.V1_1_0).build();
        for (Result r : List.of(unlabelled, none)) {
            for (CniVersion to : List.of(CniVersion.V0_1_0, CniVersion.V0_2_0)) {
                assertThatThrownBy(() -> r.convertTo(to)).is(FailureKinds.INCOMPATIBLE_VERSION)
                        .hasMessage("cannot convert: no valid IP addresses");
            }
        }
    }

    @Test
    void from02UpKeepsRouteFieldsAndOrdersIp4First() {
        Result r02 = Result.builder().cniVersion(CniVersion.V0_2_0)
                .addIp(IpConfig.builder().address("2001:db8::2/64").build())
                .addIp(IpConfig.builder().address("10.0.0.2/24").gateway("10.0.0.1").build())
                .addRoute(Route.builder().dst("::/0").build())
                .addRoute(Route.builder().dst("0.0.0.0/0").mtu(1400).build())
                .build();
        Result r40 = r02.convertTo(CniVersion.V0_4_0);
        assertThat(r40.ips()).extracting(IpConfig::version).containsExactly("4", "6");
        assertThat(r40.routes()).containsExactly(Route.builder().dst("0.0.0.0/0").mtu(1400).build(),
                Route.builder().dst("::/0").build());
        Result r11 = r02.convertTo(CniVersion.V1_1_0);
        assertThat(r11.ips()).extracting(ip -> ip.address().toString()).containsExactly("10.0.0.2/24",
                "2001:db8::2/64");
        assertThat(r11.ips()).extracting(IpConfig::version).containsOnly("");
        assertThat(r11.interfaces()).isEmpty();
        assertThat(r02.convertTo(CniVersion.V0_1_0).toBuilder().cniVersion(CniVersion.V0_2_0).build())
                .isEqualTo(r02);
    }
}
